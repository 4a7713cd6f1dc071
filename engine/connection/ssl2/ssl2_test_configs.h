// Test support for the SSL 2.0 handshake tests: configs over the test PKI
// whose version range starts at SSL 2.0, and the kinds this libcrypto has.
#pragma once

#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "engine/connection/config.h"
#include "engine/crypto/ssl2_cipher.h"
#include "engine/testing/engine_pair.h"

namespace gauntlet::ssl2_test {

inline std::vector<Ssl2CipherKind> available_kinds() {
  std::vector<Ssl2CipherKind> out;
  for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds())
    if (ssl2_cipher_available(k.kind)) out.push_back(k.kind);
  return out;
}

// SSL 2.0 carries one certificate, never a chain (SSL 2.0 spec §2.5–2.6),
// so a peer verifies the test leaves with their intermediate trusted too.
inline std::shared_ptr<const TrustStore> leaf_trust() {
  auto t = std::make_shared<TrustStore>();
  EXPECT_TRUE(t->add_file("engine/crypto/testdata/root-ca.pem").ok());
  EXPECT_TRUE(t->add_file("engine/crypto/testdata/intermediate-ca.pem").ok());
  return t;
}

// A server for SSL 2.0 up to `max`, every kind.
inline std::shared_ptr<Config> server(ProtocolVersion max = ProtocolVersion::ssl2) {
  auto c = test_support::server_config();
  c->trust = leaf_trust();
  c->min_version = ProtocolVersion::ssl2;
  c->max_version = max;
  return c;
}

// A client for SSL 2.0 up to `max`, offering `kinds`.
inline std::shared_ptr<Config> client(std::vector<Ssl2CipherKind> kinds,
                                      ProtocolVersion max = ProtocolVersion::ssl2) {
  auto c = test_support::client_config();
  c->trust = leaf_trust();
  c->min_version = ProtocolVersion::ssl2;
  c->max_version = max;
  c->ssl2_cipher_kinds = std::move(kinds);
  return c;
}

}  // namespace gauntlet::ssl2_test
