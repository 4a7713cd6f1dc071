#include "engine/crypto/ssl3.h"

#include <string>

#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

Bytes cat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// RFC 6101 §6.1 recomputed from one-shot hashes, block by block.
Bytes reference_prf(ByteView secret, ByteView seed, size_t length) {
  Bytes out;
  for (size_t i = 0; out.size() < length; ++i) {
    Bytes label(i + 1, static_cast<uint8_t>('A' + i));
    Bytes inner = hash(HashAlgorithm::sha1, cat({label, secret, seed}));
    Bytes block = hash(HashAlgorithm::md5, cat({secret, inner}));
    out.insert(out.end(), block.begin(), block.end());
  }
  out.resize(length);
  return out;
}

TEST(Ssl3Prf, MatchesIndependentRecomputation) {
  Bytes secret = hex("0303 00112233445566778899aabbccddeeff 00112233445566778899aabbccddeeff 0102");
  Bytes seed = hex("5f5e5d5c5b5a59585756555453525150 4f4e4d4c4b4a49484746454443424140");
  for (size_t length : {0u, 1u, 16u, 17u, 48u, 104u, 416u}) {
    SCOPED_TRACE(length);
    EXPECT_EQ(ssl3_prf(secret, seed, length), reference_prf(secret, seed, length));
  }
}

TEST(Ssl3Prf, CappedAtTwentySixLabels) {
  EXPECT_EQ(ssl3_prf(hex("01"), hex("02"), 1000).size(), kSsl3PrfMaxLength);
}

// The MAC recomputed from its RFC 6101 §5.2.3.1 formula with one-shot hashes.
Bytes reference_mac(HashAlgorithm h, ByteView key, ByteView header, ByteView fragment) {
  size_t pad = h == HashAlgorithm::md5 ? 48 : 40;
  Bytes inner = hash(h, cat({key, Bytes(pad, 0x36), header, fragment}));
  return hash(h, cat({key, Bytes(pad, 0x5c), inner}));
}

TEST(Ssl3Mac, MatchesFormula) {
  Bytes fragment = text_bytes("GET / HTTP/1.0\r\n\r\n");
  Bytes header = hex("0000000000000007 17 0012");
  Bytes md5_key(16, 0x42);
  Bytes sha1_key(20, 0x24);
  Bytes md5_mac = ssl3_mac(HashAlgorithm::md5, md5_key, 7, 0x17, fragment);
  Bytes sha1_mac = ssl3_mac(HashAlgorithm::sha1, sha1_key, 7, 0x17, fragment);
  EXPECT_EQ(md5_mac.size(), 16u);
  EXPECT_EQ(sha1_mac.size(), 20u);
  EXPECT_EQ(md5_mac, reference_mac(HashAlgorithm::md5, md5_key, header, fragment));
  EXPECT_EQ(sha1_mac, reference_mac(HashAlgorithm::sha1, sha1_key, header, fragment));
}

TEST(Ssl3Mac, SensitiveToEveryInput) {
  Bytes key(20, 0x11);
  Bytes fragment = text_bytes("hello");
  Bytes base = ssl3_mac(HashAlgorithm::sha1, key, 1, 23, fragment);
  EXPECT_NE(base, ssl3_mac(HashAlgorithm::sha1, key, 2, 23, fragment));
  EXPECT_NE(base, ssl3_mac(HashAlgorithm::sha1, key, 1, 22, fragment));
  EXPECT_NE(base, ssl3_mac(HashAlgorithm::sha1, key, 1, 23, text_bytes("hellp")));
  EXPECT_NE(base, ssl3_mac(HashAlgorithm::sha1, Bytes(20, 0x12), 1, 23, fragment));
  EXPECT_EQ(base, ssl3_mac(HashAlgorithm::sha1, key, 1, 23, fragment));
}

// RFC 6101 §5.6.9: hash(master + pad_2 + hash(messages + sender + master + pad_1)).
Bytes reference_handshake_hash(HashAlgorithm h, ByteView messages, ByteView sender,
                               ByteView master) {
  size_t pad = h == HashAlgorithm::md5 ? 48 : 40;
  Bytes inner = hash(h, cat({messages, sender, master, Bytes(pad, 0x36)}));
  return hash(h, cat({master, Bytes(pad, 0x5c), inner}));
}

class Ssl3Handshake : public ::testing::Test {
 protected:
  Ssl3Handshake() {
    md5_.update(messages_);
    sha1_.update(messages_);
  }
  Bytes messages_ = text_bytes("ClientHello...ServerHelloDone...ClientKeyExchange");
  Bytes master_ = Bytes(48, 0x5a);
  Hash md5_{HashAlgorithm::md5};
  Hash sha1_{HashAlgorithm::sha1};
};

TEST_F(Ssl3Handshake, FinishedMatchesFormula) {
  Bytes client = ssl3_finished(md5_, sha1_, 0x434C4E54, master_);
  ASSERT_EQ(client.size(), 36u);
  Bytes sender = text_bytes("CLNT");
  EXPECT_EQ(client,
            cat({reference_handshake_hash(HashAlgorithm::md5, messages_, sender, master_),
                 reference_handshake_hash(HashAlgorithm::sha1, messages_, sender, master_)}));
  Bytes server = ssl3_finished(md5_, sha1_, 0x53525652, master_);
  EXPECT_NE(client, server);
  EXPECT_NE(client, ssl3_finished(md5_, sha1_, 0x434C4E54, Bytes(48, 0x5b)));
}

TEST_F(Ssl3Handshake, FinishedLeavesTranscriptUntouched) {
  Bytes before = md5_.digest();
  Bytes first = ssl3_finished(md5_, sha1_, 0x434C4E54, master_);
  EXPECT_EQ(md5_.digest(), before);
  EXPECT_EQ(first, ssl3_finished(md5_, sha1_, 0x434C4E54, master_));
}

TEST_F(Ssl3Handshake, CertVerifyHashHasNoSender) {
  Bytes h = ssl3_cert_verify_hash(md5_, sha1_, master_);
  ASSERT_EQ(h.size(), 36u);
  EXPECT_EQ(h, cat({reference_handshake_hash(HashAlgorithm::md5, messages_, {}, master_),
                    reference_handshake_hash(HashAlgorithm::sha1, messages_, {}, master_)}));
  EXPECT_NE(h, ssl3_finished(md5_, sha1_, 0x434C4E54, master_));
}

}  // namespace
}  // namespace gauntlet
