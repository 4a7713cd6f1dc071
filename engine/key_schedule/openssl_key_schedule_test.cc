// Our key schedule against a real OpenSSL handshake: with the server's RSA key
// we recover the premaster from the ClientKeyExchange, derive the (extended)
// master secret, which must equal the one OpenSSL logs, then the keys, and
// the verify_data of both Finished messages, which must equal what OpenSSL
// sent (decrypted by our record layer).
#include <gtest/gtest.h>

#include <memory>
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

namespace gauntlet {
namespace {

const std::string kPki = "engine/crypto/testdata/";

using SslCtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslPtr = std::unique_ptr<SSL, decltype(&SSL_free)>;

std::string g_keylog;
void keylog(const SSL*, const char* line) { g_keylog = line; }

Bytes from_hex(std::string_view s) {
  Bytes out;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(s.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

Bytes drain(BIO* bio) {
  Bytes out(static_cast<size_t>(BIO_ctrl_pending(bio)));
  if (!out.empty()) BIO_read(bio, out.data(), static_cast<int>(out.size()));
  return out;
}

// One direction of the wire: handshake messages before ChangeCipherSpec, and
// the encrypted Finished after it.
struct Direction {
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
  SslCtxPtr sctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
  SslCtxPtr cctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  for (SSL_CTX* ctx : {sctx.get(), cctx.get()}) {
    SSL_CTX_set_min_proto_version(ctx, c.version);
    SSL_CTX_set_max_proto_version(ctx, c.version);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | (c.ems ? 0 : SSL_OP_NO_EXTENDED_MASTER_SECRET));
    ASSERT_EQ(SSL_CTX_set_cipher_list(ctx, (std::string(c.suite) + ":@SECLEVEL=0").c_str()), 1);
  }
  ASSERT_EQ(SSL_CTX_use_certificate_chain_file(sctx.get(), (kPki + "server-rsa-chain.pem").c_str()),
            1);
  ASSERT_EQ(SSL_CTX_use_PrivateKey_file(sctx.get(), (kPki + "server-rsa.key").c_str(),
                                        SSL_FILETYPE_PEM),
            1);
  SSL_CTX_set_keylog_callback(cctx.get(), keylog);
  SslPtr server(SSL_new(sctx.get()), SSL_free), client(SSL_new(cctx.get()), SSL_free);
  BIO *c_in = BIO_new(BIO_s_mem()), *c_out = BIO_new(BIO_s_mem());
  BIO *s_in = BIO_new(BIO_s_mem()), *s_out = BIO_new(BIO_s_mem());
  SSL_set_bio(client.get(), c_in, c_out);
  SSL_set_bio(server.get(), s_in, s_out);
  SSL_set_connect_state(client.get());
  SSL_set_accept_state(server.get());

  // Pump, keeping the handshake messages in the order they were sent.
  Direction from_client, from_server;
  std::vector<HandshakeMessage> transcript_messages;
  g_keylog.clear();
  for (int round = 0; round < 20; ++round) {
    const int cr = SSL_do_handshake(client.get());
    const Bytes c_bytes = drain(c_out);
    for (auto& m : from_client.feed(c_bytes)) transcript_messages.push_back(std::move(m));
    BIO_write(s_in, c_bytes.data(), static_cast<int>(c_bytes.size()));
    const int sr = SSL_do_handshake(server.get());
    const Bytes s_bytes = drain(s_out);
    for (auto& m : from_server.feed(s_bytes)) transcript_messages.push_back(std::move(m));
    BIO_write(c_in, s_bytes.data(), static_cast<int>(s_bytes.size()));
    if (cr == 1 && sr == 1) break;
  }
  ASSERT_EQ(SSL_is_init_finished(client.get()), 1);
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
  ASSERT_EQ(g_keylog.rfind("CLIENT_RANDOM ", 0), 0u);
  EXPECT_EQ(master, from_hex(g_keylog.substr(14 + 64 + 1))) << "our master secret is OpenSSL's";

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
