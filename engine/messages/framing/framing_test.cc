#include <gtest/gtest.h>

#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/framing/reassembler.h"

namespace gauntlet {
namespace {

HandshakeMessage message(HandshakeType type, size_t body_size) {
  Bytes body(body_size);
  for (size_t i = 0; i < body_size; ++i) body[i] = static_cast<uint8_t>(i * 7);
  return {type, body};
}

std::optional<HandshakeMessage> next_ok(HandshakeReassembler& r) {
  auto m = r.next();
  EXPECT_TRUE(m.ok()) << m.error().to_string();
  return m.ok() ? *m : std::nullopt;
}

TEST(HandshakeMessage, SerializesHeaderAndBody) {
  const HandshakeMessage m{HandshakeType::finished, {1, 2, 3}};
  EXPECT_EQ(m.serialize(), (Bytes{20, 0, 0, 3, 1, 2, 3}));
  auto parsed = HandshakeMessage::parse(m.serialize());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, m);
}

TEST(HandshakeMessage, ParseRejectsTruncatedAndTrailing) {
  EXPECT_EQ(HandshakeMessage::parse(Bytes{20, 0, 0, 3, 1, 2}).error().alert,
            AlertDescription::decode_error);
  EXPECT_EQ(HandshakeMessage::parse(Bytes{20, 0, 0, 1, 1, 2}).error().alert,
            AlertDescription::decode_error);
  EXPECT_EQ(HandshakeMessage::parse(Bytes{20, 0}).error().alert, AlertDescription::decode_error);
}

TEST(Reassembler, OneMessageSplitIntoOneByteRecords) {
  const HandshakeMessage m = message(HandshakeType::client_hello, 300);
  HandshakeReassembler r;
  const auto fragments = split_into_fragments(m.serialize(), 1);
  ASSERT_EQ(fragments.size(), 304u);
  for (size_t i = 0; i < fragments.size(); ++i) {
    ASSERT_TRUE(r.add(fragments[i]).ok());
    auto got = next_ok(r);
    if (i + 1 < fragments.size()) {
      EXPECT_FALSE(got.has_value()) << "complete after " << i + 1 << " bytes";
      EXPECT_FALSE(r.at_boundary());
    } else {
      ASSERT_TRUE(got.has_value());
      EXPECT_EQ(*got, m);
    }
  }
  EXPECT_TRUE(r.at_boundary());
}

TEST(Reassembler, SeveralMessagesInOneRecord) {
  const HandshakeMessage a = message(HandshakeType::server_hello, 70);
  const HandshakeMessage b = message(HandshakeType::certificate, 1000);
  const HandshakeMessage c = message(HandshakeType::server_hello_done, 0);
  Bytes record = a.serialize();
  for (const auto& m : {b, c}) {
    const Bytes s = m.serialize();
    record.insert(record.end(), s.begin(), s.end());
  }
  HandshakeReassembler r;
  ASSERT_TRUE(r.add(record).ok());
  EXPECT_EQ(next_ok(r), a);
  EXPECT_EQ(next_ok(r), b);
  EXPECT_EQ(next_ok(r), c);
  EXPECT_FALSE(next_ok(r).has_value());
  EXPECT_TRUE(r.at_boundary());
}

TEST(Reassembler, MessagesStraddlingRecords) {
  const HandshakeMessage a = message(HandshakeType::certificate, 5000);
  const HandshakeMessage b = message(HandshakeType::server_key_exchange, 300);
  Bytes stream = a.serialize();
  const Bytes sb = b.serialize();
  stream.insert(stream.end(), sb.begin(), sb.end());
  HandshakeReassembler r;
  std::vector<HandshakeMessage> got;
  for (const Bytes& f : split_into_fragments(stream, 1500)) {
    ASSERT_TRUE(r.add(f).ok());
    while (auto m = next_ok(r)) got.push_back(*m);
  }
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], a);
  EXPECT_EQ(got[1], b);
}

TEST(Reassembler, ZeroLengthRecordIsUnexpected) {
  HandshakeReassembler r;
  EXPECT_EQ(r.add({}).error().alert, AlertDescription::unexpected_message);
}

TEST(Reassembler, OversizedMessageRejectedFromItsHeader) {
  HandshakeReassembler r(MessageLimits{.max_message = 100, .max_certificate = 1000});
  ASSERT_TRUE(r.add(Bytes{1, 0, 0, 101}).ok());
  auto m = r.next();
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().alert, AlertDescription::decode_error);
}

TEST(Reassembler, CertificateHasItsOwnLimit) {
  HandshakeReassembler r(MessageLimits{.max_message = 100, .max_certificate = 1000});
  const HandshakeMessage cert = message(HandshakeType::certificate, 900);
  ASSERT_TRUE(r.add(cert.serialize()).ok());
  EXPECT_EQ(next_ok(r), cert);
  ASSERT_TRUE(r.add(Bytes{11, 0, 3, 0xe9}).ok());  // 1001 bytes
  EXPECT_EQ(r.next().error().alert, AlertDescription::decode_error);
}

TEST(Reassembler, DefaultLimitHoldsTheLargestWellFormedHello) {
  HandshakeReassembler r;
  ASSERT_TRUE(r.add(Bytes{1, 4, 0, 0}).ok());  // 256 KiB: allowed, waits for more
  auto m = r.next();
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->has_value());
  HandshakeReassembler r2;
  ASSERT_TRUE(r2.add(Bytes{1, 4, 0, 1}).ok());
  EXPECT_EQ(r2.next().error().alert, AlertDescription::decode_error);
}

TEST(Split, FragmentSizes) {
  const Bytes data(10, 1);
  const auto f = split_into_fragments(data, 4);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].size(), 4u);
  EXPECT_EQ(f[2].size(), 2u);
  EXPECT_TRUE(split_into_fragments({}, 4).empty());
  EXPECT_EQ(split_into_fragments(data, 0).size(), 10u) << "a zero size still makes progress";
}

}  // namespace
}  // namespace gauntlet
