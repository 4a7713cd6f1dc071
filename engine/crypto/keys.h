// Public and private keys as value types over EVP_PKEY, loaded from PEM or
// DER. Copies share the underlying key (EVP_PKEY_up_ref).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet {

enum class KeyType { rsa, rsa_pss, dsa, ec_p256, ec_p384, ec_p521, ed25519, ed448, other };

std::string key_type_name(KeyType t);

class PublicKey {
 public:
  explicit PublicKey(EvpPkeyPtr key) : key_(std::move(key)) {}
  PublicKey(const PublicKey& other);
  PublicKey& operator=(const PublicKey& other);
  PublicKey(PublicKey&&) noexcept = default;
  PublicKey& operator=(PublicKey&&) noexcept = default;

  KeyType type() const;
  int bits() const;
  EVP_PKEY* get() const { return key_.get(); }

 private:
  EvpPkeyPtr key_;
};

class PrivateKey {
 public:
  explicit PrivateKey(EvpPkeyPtr key) : key_(std::move(key)) {}
  PrivateKey(const PrivateKey& other);
  PrivateKey& operator=(const PrivateKey& other);
  PrivateKey(PrivateKey&&) noexcept = default;
  PrivateKey& operator=(PrivateKey&&) noexcept = default;

  KeyType type() const;
  int bits() const;
  PublicKey public_key() const;
  EVP_PKEY* get() const { return key_.get(); }

 private:
  EvpPkeyPtr key_;
};

// Another owner of key (null stays null).
EvpPkeyPtr up_ref(EVP_PKEY* key);
KeyType key_type(const EVP_PKEY* key);

// PEM (any of the usual private-key headers) or DER (PKCS#8 or traditional).
Result<PrivateKey> load_private_key(ByteView pem_or_der);
Result<PrivateKey> load_private_key_file(const std::string& path);

// A whole file; decode_error if it cannot be read (a directory among them).
Result<Bytes> read_file(const std::string& path);

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
// Where key material goes (NSS key logs): appended to, created readable by
// its owner only, and never through a symbolic link an attacker planted.
Result<FilePtr> open_secret_file(const std::string& path);

}  // namespace gauntlet
