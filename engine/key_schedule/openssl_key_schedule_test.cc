// Our key schedule against a real OpenSSL handshake: with the server's RSA key
// we recover the premaster from the ClientKeyExchange, derive the (extended)
// master secret, which must equal the one OpenSSL logs, then the keys, and
// the verify_data of both Finished messages, which must equal what OpenSSL
// sent (decrypted by our record layer).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "engine/crypto/keys.h"
#include "engine/crypto/random.h"
#include "engine/crypto/rsa.h"
#include "engine/key_schedule/key_schedule.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/record/key_block.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
#include "engine/registry/cipher_suite.h"
#include "engine/testing/openssl_pair.h"

namespace gauntlet {
namespace {

const std::string kPki = "engine/crypto/testdata/";

using test_support::OpenSslPair;

// One direction of the wire: handshake messages before ChangeCipherSpec, and
// the encrypted Finished after it.
struct WireDirection {
  HandshakeReassembler reassembler;
  bool after_ccs = false;
  std::optional<Record> finished;

  // Feeds bytes; returns the plaintext handshake messages they complete.
  std::vector<HandshakeMessage> feed(ByteView bytes) {
    std::vector<HandshakeMessage> out;
    pending.insert(pending.end(), bytes.begin(), bytes.end());
    Reader in(pending);
    while (true) {
      auto r = read_record(in);
      EXPECT_TRUE(r.ok());
      if (!r.ok() || !r->has_value()) break;
      Record rec = std::move(**r);
      if (rec.type == ContentType::change_cipher_spec) {
        after_ccs = true;
      } else if (rec.type == ContentType::handshake && after_ccs) {
        if (!finished) finished = rec;
      } else if (rec.type == ContentType::handshake) {
        EXPECT_TRUE(reassembler.add(rec.fragment).ok());
        while (auto m = reassembler.next()) {
          if (!m->has_value()) break;
          out.push_back(std::move(**m));
        }
      }
    }
    pending.erase(pending.begin(), pending.end() - static_cast<ptrdiff_t>(in.remaining()));
    return out;
  }

  Bytes pending;
};

struct Case {
  const char* name;
  int version;
  const char* suite;
  bool ems;
};

class OpenSslKeySchedule : public testing::TestWithParam<Case> {};

TEST_P(OpenSslKeySchedule, MasterSecretKeysAndFinishedMatch) {
  const Case& c = GetParam();
  OpenSslPair pair;
  pair.restrict_version(c.version);
  pair.set_options(SSL_OP_NO_TICKET | (c.ems ? 0 : SSL_OP_NO_EXTENDED_MASTER_SECRET));
  ASSERT_TRUE(pair.set_cipher_list(std::string(c.suite) + ":@SECLEVEL=0"));
  ASSERT_TRUE(pair.use_server_identity(kPki + "server-rsa-chain.pem", kPki + "server-rsa.key"));
  ASSERT_TRUE(pair.handshake());

  // The handshake messages in the order they were sent.
  WireDirection from_client, from_server;
  std::vector<HandshakeMessage> transcript_messages;
  for (const auto& flight : pair.flights()) {
    auto& side = flight.direction == test_support::Direction::client_to_server ? from_client
                                                                                 : from_server;
    for (auto& m : side.feed(flight.bytes)) transcript_messages.push_back(std::move(m));
  }
  ASSERT_TRUE(from_client.finished && from_server.finished);
  ASSERT_GE(transcript_messages.size(), 5u);

  const auto hello = ClientHello::parse(transcript_messages.front().body);
  const auto server_hello = ServerHello::parse(transcript_messages[1].body);
  ASSERT_TRUE(hello.ok() && server_hello.ok());
  const bool ems = server_hello->extensions &&
                   server_hello->extensions->find(ExtensionType::extended_master_secret);
  EXPECT_EQ(ems, c.ems);
  const bool etm = server_hello->extensions &&
                   server_hello->extensions->find(ExtensionType::encrypt_then_mac);
  const CipherSuiteInfo* suite = cipher_suite_info(server_hello->cipher_suite);
  ASSERT_NE(suite, nullptr);
  const auto version = static_cast<ProtocolVersion>(c.version);

  // The premaster, from the ClientKeyExchange and the server's key.
  Transcript transcript;
  std::optional<Bytes> premaster;
  auto key = load_private_key_file(kPki + "server-rsa.key");
  ASSERT_TRUE(key.ok());
  for (const HandshakeMessage& m : transcript_messages) {
    transcript.update(m.serialize());
    if (m.type != HandshakeType::client_key_exchange) continue;
    auto cke = ClientKeyExchange::parse(m.body, KeyExchangeForm::rsa, version);
    ASSERT_TRUE(cke.ok());
    auto pm = rsa_decrypt_premaster(*key, cke->exchange_keys, Bytes(48, 0xee),
                                    static_cast<uint16_t>(hello->legacy_version), true);
    ASSERT_TRUE(pm.ok());
    premaster = *pm;
    break;
  }
  ASSERT_TRUE(premaster.has_value());
  EXPECT_NE(*premaster, Bytes(48, 0xee)) << "the version check passed";

  const Bytes master =
      ems ? extended_master_secret(version, suite->prf_hash, *premaster,
                                   session_hash(version, suite->prf_hash, transcript))
          : master_secret(version, suite->prf_hash, *premaster, hello->random,
                          server_hello->random);
  EXPECT_EQ(master, pair.logged_secret("CLIENT_RANDOM")) << "our master secret is OpenSSL's";

  const KeyBlockLayout layout = key_block_layout(version, suite->cipher, suite->mac);
  auto keys = split_key_block(key_block(version, suite->prf_hash, master, hello->random,
                                        server_hello->random, layout.length()),
                              layout);
  ASSERT_TRUE(keys.ok());
  DeterministicRandom random(1);
  auto reader = [&](const DirectionKeys& k) {
    auto p = make_protection({version, suite->cipher, suite->mac, etm, k.mac_key, k.key, k.iv,
                              CipherDirection::decrypt, &random});
    EXPECT_TRUE(p.ok());
    return std::move(*p);
  };

  auto client_fin = reader(keys->client)->open(ContentType::handshake, from_client.finished->version,
                                               from_client.finished->fragment);
  ASSERT_TRUE(client_fin.ok()) << client_fin.error().to_string();
  auto client_msg = HandshakeMessage::parse(client_fin->plaintext);
  ASSERT_TRUE(client_msg.ok());
  EXPECT_EQ(client_msg->body,
            finished_verify_data(version, suite->prf_hash, master, transcript, Sender::client));

  transcript.update(client_fin->plaintext);
  auto server_fin = reader(keys->server)->open(ContentType::handshake, from_server.finished->version,
                                               from_server.finished->fragment);
  ASSERT_TRUE(server_fin.ok()) << server_fin.error().to_string();
  auto server_msg = HandshakeMessage::parse(server_fin->plaintext);
  ASSERT_TRUE(server_msg.ok());
  EXPECT_EQ(server_msg->body,
            finished_verify_data(version, suite->prf_hash, master, transcript, Sender::server));
  ERR_clear_error();
}

INSTANTIATE_TEST_SUITE_P(
    Versions, OpenSslKeySchedule,
    testing::Values(Case{"tls10", TLS1_VERSION, "AES128-SHA", false},
                    Case{"tls10_ems", TLS1_VERSION, "AES128-SHA", true},
                    Case{"tls11_ems", TLS1_1_VERSION, "AES256-SHA", true},
                    Case{"tls12", TLS1_2_VERSION, "AES128-GCM-SHA256", false},
                    Case{"tls12_ems", TLS1_2_VERSION, "AES128-SHA256", true},
                    Case{"tls12_sha384", TLS1_2_VERSION, "AES256-GCM-SHA384", false},
                    Case{"tls12_sha384_ems", TLS1_2_VERSION, "AES256-GCM-SHA384", true}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace gauntlet
