// The test PKI of engine/crypto/testdata (see its README.md), for tests that
// depend on //engine/crypto/testdata:pki. A file that fails to load fails the
// test.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/crypto/keys.h"
#include "engine/crypto/x509.h"

namespace gauntlet {

inline const std::string kTestPki = "engine/crypto/testdata/";

// name without ".key", e.g. "server-rsa".
inline PrivateKey test_key(const std::string& name) {
  auto k = load_private_key_file(kTestPki + name + ".key");
  EXPECT_TRUE(k.ok()) << k.error().to_string();
  return std::move(k).value();
}

// A file name, e.g. "server-rsa-chain.pem".
inline std::vector<Certificate> test_certificates(const std::string& file) {
  auto c = load_certificates_file(kTestPki + file);
  EXPECT_TRUE(c.ok()) << c.error().to_string();
  return std::move(c).value();
}

}  // namespace gauntlet
