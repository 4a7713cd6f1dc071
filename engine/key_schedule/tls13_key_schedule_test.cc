// The TLS 1.3 key schedule against RFC 8448: every secret, key, IV and
// Finished of §3 (Simple 1-RTT Handshake), and the PSK side of §4 (Resumed
// 0-RTT Handshake) from the ticket §3 issued.
#include "engine/key_schedule/tls13_key_schedule.h"

#include <gtest/gtest.h>

#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include "engine/crypto/hash.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/key_schedule/testdata/rfc8448.h"

namespace gauntlet {
namespace {

constexpr auto kSha256 = HashAlgorithm::sha256;

const Bytes& v(const std::string& name) { return rfc8448::value(name); }

Bytes transcript_hash(std::initializer_list<std::string> messages) {
  Hash h(kSha256);
  for (const std::string& m : messages) h.update(v("simple." + m));
  return h.digest();
}

TEST(Tls13KeySchedule, Rfc8448SimpleHandshakeSecrets) {
  const auto early = Tls13EarlySecret::without_psk(kSha256);
  EXPECT_EQ(early.secret(), v("simple.early_secret"));
  EXPECT_EQ(derive_secret(kSha256, early.secret(), "derived", hash(kSha256, {})),
            v("simple.derived_for_handshake"));

  const Bytes hello_hash = transcript_hash({"client_hello", "server_hello"});
  ASSERT_EQ(hello_hash, v("simple.hello_hash"));
  const auto handshake = early.handshake_secret(v("simple.shared_secret"));
  EXPECT_EQ(handshake.secret(), v("simple.handshake_secret"));
  EXPECT_EQ(handshake.handshake_traffic_secret(Sender::client, hello_hash),
            v("simple.client_handshake_traffic_secret"));
  EXPECT_EQ(handshake.handshake_traffic_secret(Sender::server, hello_hash),
            v("simple.server_handshake_traffic_secret"));
  EXPECT_EQ(derive_secret(kSha256, handshake.secret(), "derived", hash(kSha256, {})),
            v("simple.derived_for_master"));

  const Bytes app_hash = transcript_hash({"client_hello", "server_hello", "encrypted_extensions",
                                          "certificate", "certificate_verify", "server_finished"});
  ASSERT_EQ(app_hash, v("simple.application_hash"));
  const auto master = handshake.master_secret();
  EXPECT_EQ(master.secret(), v("simple.master_secret"));
  EXPECT_EQ(master.application_traffic_secret_0(Sender::client, app_hash),
            v("simple.client_application_traffic_secret"));
  EXPECT_EQ(master.application_traffic_secret_0(Sender::server, app_hash),
            v("simple.server_application_traffic_secret"));
  EXPECT_EQ(master.exporter_master_secret(app_hash), v("simple.exporter_master_secret"));

  const Bytes resumption_hash =
      transcript_hash({"client_hello", "server_hello", "encrypted_extensions", "certificate",
                       "certificate_verify", "server_finished", "client_finished"});
  ASSERT_EQ(resumption_hash, v("simple.resumption_hash"));
  EXPECT_EQ(master.resumption_master_secret(resumption_hash), v("simple.resumption_master_secret"));
}

TEST(Tls13KeySchedule, Rfc8448TrafficKeys) {
  struct Case {
    const char* secret;
    const char* key;
    const char* iv;
  };
  for (const Case c : {
           Case{"simple.server_handshake_traffic_secret", "simple.server_handshake_key",
                "simple.server_handshake_iv"},
           Case{"simple.client_handshake_traffic_secret", "simple.client_handshake_key",
                "simple.client_handshake_iv"},
           Case{"simple.server_application_traffic_secret", "simple.server_application_key",
                "simple.server_application_iv"},
           Case{"simple.client_application_traffic_secret", "simple.client_application_key",
                "simple.client_application_iv"},
           Case{"resumed.client_early_traffic_secret", "resumed.client_early_key",
                "resumed.client_early_iv"},
       }) {
    const TrafficKeys keys = traffic_keys(kSha256, CipherAlgorithm::aes_128_gcm, v(c.secret));
    EXPECT_EQ(keys.key, v(c.key)) << c.secret;
    EXPECT_EQ(keys.iv, v(c.iv)) << c.secret;
  }
}

TEST(Tls13KeySchedule, Rfc8448Finished) {
  EXPECT_EQ(finished_key(kSha256, v("simple.server_handshake_traffic_secret")),
            v("simple.server_finished_key"));
  EXPECT_EQ(
      tls13_verify_data(kSha256, v("simple.server_handshake_traffic_secret"),
                        transcript_hash({"client_hello", "server_hello", "encrypted_extensions",
                                         "certificate", "certificate_verify"})),
      v("simple.server_verify_data"));
  EXPECT_EQ(finished_key(kSha256, v("simple.client_handshake_traffic_secret")),
            v("simple.client_finished_key"));
  EXPECT_EQ(tls13_verify_data(kSha256, v("simple.client_handshake_traffic_secret"),
                              v("simple.application_hash")),
            v("simple.client_verify_data"));
}

TEST(Tls13KeySchedule, Rfc8448ResumptionPskAndEarlySecrets) {
  const Bytes psk =
      resumption_psk(kSha256, v("simple.resumption_master_secret"), v("simple.ticket_nonce"));
  EXPECT_EQ(psk, v("simple.resumption_psk"));

  const auto early = Tls13EarlySecret::from_psk(kSha256, psk);
  EXPECT_EQ(early.secret(), v("resumed.early_secret"));
  EXPECT_EQ(early.binder_key(PskOrigin::resumption), v("resumed.binder_key"));
  EXPECT_EQ(finished_key(kSha256, early.binder_key(PskOrigin::resumption)),
            v("resumed.binder_finished_key"));

  const Bytes hello_hash = hash(kSha256, v("resumed.client_hello"));
  ASSERT_EQ(hello_hash, v("resumed.client_hello_hash"));
  EXPECT_EQ(early.client_early_traffic_secret(hello_hash),
            v("resumed.client_early_traffic_secret"));
  EXPECT_EQ(early.early_exporter_master_secret(hello_hash),
            v("resumed.early_exporter_master_secret"));
}

// The labels keep the two binder keys apart (§7.1), and a PSK changes every
// later stage.
TEST(Tls13KeySchedule, ExternalBinderKeyDiffersFromResumption) {
  const auto early = Tls13EarlySecret::from_psk(kSha256, v("simple.resumption_psk"));
  EXPECT_NE(early.binder_key(PskOrigin::external), early.binder_key(PskOrigin::resumption));
  EXPECT_EQ(early.binder_key(PskOrigin::external),
            derive_secret(kSha256, early.secret(), "ext binder", hash(kSha256, {})));
}

// psk_ke (§7.1): no (EC)DHE, so the handshake secret extracts Hash.length
// zeros, as the master secret always does.
TEST(Tls13KeySchedule, PskOnlyHandshakeExtractsZeros) {
  const auto early = Tls13EarlySecret::from_psk(kSha256, v("simple.resumption_psk"));
  EXPECT_EQ(early.handshake_secret({}).secret(), early.handshake_secret(Bytes(32, 0)).secret());
  EXPECT_NE(early.handshake_secret({}).secret(),
            early.handshake_secret(v("simple.shared_secret")).secret());
}

// §7.2: the update is HKDF-Expand-Label(secret, "traffic upd", "", Hash.length),
// checked here against the §7.1 primitives the RFC 8448 values pin down.
TEST(Tls13KeySchedule, KeyUpdateDerivesTheNextSecret) {
  const Bytes& secret0 = v("simple.client_application_traffic_secret");
  const Bytes secret1 = next_application_traffic_secret(kSha256, secret0);
  EXPECT_EQ(secret1, hkdf_expand_label(kSha256, secret0, "traffic upd", {}, 32));
  EXPECT_NE(secret1, secret0);
  EXPECT_NE(next_application_traffic_secret(kSha256, secret1), secret1);
}

TEST(Tls13KeySchedule, Sha384SuitesUseTheirHashLength) {
  const auto early = Tls13EarlySecret::without_psk(HashAlgorithm::sha384);
  EXPECT_EQ(early.secret().size(), 48u);
  const auto master = early.handshake_secret(v("simple.shared_secret")).master_secret();
  EXPECT_EQ(master.secret().size(), 48u);
  const TrafficKeys keys = traffic_keys(HashAlgorithm::sha384, CipherAlgorithm::aes_256_gcm,
                                        master.application_traffic_secret_0(Sender::client, {}));
  EXPECT_EQ(keys.key.size(), 32u);
  EXPECT_EQ(keys.iv.size(), 12u);
}

// OpenSSL's TLS13-KDF in expand mode is HKDF-Expand-Label; used only here,
// as the reference for labels, contexts, lengths and hashes RFC 8448 lacks.
Bytes openssl_expand_label(HashAlgorithm h, ByteView secret, std::string label, ByteView context,
                           size_t length) {
  EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, "TLS13-KDF", nullptr));
  EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  std::string digest(hash_name(h));
  int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
  char prefix[] = "tls13 ";
  // OpenSSL takes a null octet string as unset; an empty context is not.
  uint8_t none = 0;
  uint8_t* data = context.empty() ? &none : const_cast<uint8_t*>(context.data());
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(secret.data()),
                                        secret.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PREFIX, prefix, 6),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_LABEL, label.data(), label.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_DATA, data, context.size()),
      OSSL_PARAM_construct_end()};
  Bytes out(length);
  EXPECT_EQ(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), 1) << label;
  return out;
}

TEST(Tls13KeySchedule, ExpandLabelMatchesOpenSslTls13Kdf) {
  const Bytes context = v("simple.hello_hash");
  for (const HashAlgorithm h : {HashAlgorithm::sha256, HashAlgorithm::sha384}) {
    const Bytes secret(digest_size(h), 0x5c);
    for (const char* label : {"key", "iv", "finished", "c hs traffic", "traffic upd", "exporter"}) {
      for (const size_t length : {size_t{12}, size_t{16}, digest_size(h), size_t{100}}) {
        EXPECT_EQ(hkdf_expand_label(h, secret, label, context, length),
                  openssl_expand_label(h, secret, label, context, length))
            << hash_name(h) << " " << label << " " << length;
        EXPECT_EQ(hkdf_expand_label(h, secret, label, {}, length),
                  openssl_expand_label(h, secret, label, {}, length))
            << hash_name(h) << " " << label << " " << length;
      }
    }
  }
}

TEST(Tls13KeySchedule, ExporterRefusesWhatCannotBeEncoded) {
  const Bytes& secret = v("simple.exporter_master_secret");
  EXPECT_TRUE(tls13_export(kSha256, secret, std::string(249, 'x'), {}, 32).ok());
  EXPECT_FALSE(tls13_export(kSha256, secret, std::string(250, 'x'), {}, 32).ok());
  EXPECT_FALSE(tls13_export(kSha256, secret, "label", {}, 255 * 32 + 1).ok());
}

}  // namespace
}  // namespace gauntlet
