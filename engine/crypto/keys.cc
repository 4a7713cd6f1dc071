#include "engine/crypto/keys.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <openssl/evp.h>

namespace gauntlet {

EvpPkeyPtr up_ref(EVP_PKEY* key) {
  if (key != nullptr) EVP_PKEY_up_ref(key);
  return EvpPkeyPtr(key);
}

KeyType key_type(const EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "RSA")) return KeyType::rsa;
  if (EVP_PKEY_is_a(key, "RSA-PSS")) return KeyType::rsa_pss;
  if (EVP_PKEY_is_a(key, "DSA")) return KeyType::dsa;
  if (EVP_PKEY_is_a(key, "ED25519")) return KeyType::ed25519;
  if (EVP_PKEY_is_a(key, "ED448")) return KeyType::ed448;
  if (EVP_PKEY_is_a(key, "EC")) {
    char group[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &len) == 1) {
      const std::string g(group, len);
      if (g == "prime256v1" || g == "P-256") return KeyType::ec_p256;
      if (g == "secp384r1" || g == "P-384") return KeyType::ec_p384;
      if (g == "secp521r1" || g == "P-521") return KeyType::ec_p521;
    }
  }
  return KeyType::other;
}

std::string key_type_name(KeyType t) {
  switch (t) {
    case KeyType::rsa:
      return "RSA";
    case KeyType::rsa_pss:
      return "RSA-PSS";
    case KeyType::dsa:
      return "DSA";
    case KeyType::ec_p256:
      return "ECDSA P-256";
    case KeyType::ec_p384:
      return "ECDSA P-384";
    case KeyType::ec_p521:
      return "ECDSA P-521";
    case KeyType::ed25519:
      return "Ed25519";
    case KeyType::ed448:
      return "Ed448";
    case KeyType::other:
      break;
  }
  return "other";
}

PublicKey::PublicKey(const PublicKey& o) : key_(up_ref(o.key_.get())) {}
PublicKey& PublicKey::operator=(const PublicKey& o) {
  key_ = up_ref(o.key_.get());
  return *this;
}
KeyType PublicKey::type() const { return key_type(key_.get()); }
int PublicKey::bits() const { return EVP_PKEY_get_bits(key_.get()); }

PrivateKey::PrivateKey(const PrivateKey& o) : key_(up_ref(o.key_.get())) {}
PrivateKey& PrivateKey::operator=(const PrivateKey& o) {
  key_ = up_ref(o.key_.get());
  return *this;
}
KeyType PrivateKey::type() const { return key_type(key_.get()); }
int PrivateKey::bits() const { return EVP_PKEY_get_bits(key_.get()); }
PublicKey PrivateKey::public_key() const { return PublicKey(up_ref(key_.get())); }

namespace {

Result<Bytes> read_all(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) return decode_error(path + " is a directory");
  Bytes out;
  uint8_t buf[1 << 14];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) return out;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return decode_error("cannot read " + path + ": " + std::strerror(errno));
    out.insert(out.end(), buf, buf + n);
  }
}

}  // namespace

// POSIX calls rather than a stream: reading a directory through an ifstream
// throws, and the engine reports errors as values.
Result<Bytes> read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return decode_error("cannot read " + path + ": " + std::strerror(errno));
  Result<Bytes> out = read_all(fd, path);
  ::close(fd);
  return out;
}

Result<FilePtr> open_secret_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return internal_error("cannot open " + path + ": " + std::strerror(errno));
  std::FILE* f = fdopen(fd, "a");
  if (!f) {
    ::close(fd);
    return internal_error("cannot open " + path + ": " + std::strerror(errno));
  }
  return FilePtr(f, &std::fclose);
}

Result<PrivateKey> load_private_key_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  auto key = load_private_key(*bytes);
  if (!key) return Error{key.error().alert, path + ": " + key.error().reason};
  return key;
}

}  // namespace gauntlet
