// The files of engine/crypto/testdata every benchmark uses, relative to the
// workspace root (a Bazel runfiles tree or the checkout).
#pragma once

namespace gauntlet::bench {

inline constexpr const char* kServerChain = "engine/crypto/testdata/server-rsa-chain.pem";
inline constexpr const char* kServerKey = "engine/crypto/testdata/server-rsa.key";
inline constexpr const char* kEcdsaServerChain = "engine/crypto/testdata/server-ecdsa-chain.pem";
inline constexpr const char* kEcdsaServerKey = "engine/crypto/testdata/server-ecdsa.key";
inline constexpr const char* kRootCa = "engine/crypto/testdata/root-ca.pem";
inline constexpr const char* kServerName = "localhost";

}  // namespace gauntlet::bench
