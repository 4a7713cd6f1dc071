#include "engine/crypto/hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <string>

namespace gauntlet {

size_t digest_size(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::md5:
      return 16;
    case HashAlgorithm::sha1:
      return 20;
    case HashAlgorithm::sha224:
      return 28;
    case HashAlgorithm::sha256:
      return 32;
    case HashAlgorithm::sha384:
      return 48;
    case HashAlgorithm::sha512:
      return 64;
  }
  return 0;
}

size_t block_size(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::sha384:
    case HashAlgorithm::sha512:
      return 128;
    default:
      return 64;
  }
}

std::string_view hash_name(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::md5:
      return "MD5";
    case HashAlgorithm::sha1:
      return "SHA1";
    case HashAlgorithm::sha224:
      return "SHA224";
    case HashAlgorithm::sha256:
      return "SHA256";
    case HashAlgorithm::sha384:
      return "SHA384";
    case HashAlgorithm::sha512:
      return "SHA512";
  }
  return "";
}

namespace {

EvpMdPtr fetch_md(HashAlgorithm h) {
  const std::string name(hash_name(h));
  return EvpMdPtr(EVP_MD_fetch(nullptr, name.c_str(), nullptr));
}

}  // namespace

const EVP_MD* evp_md(HashAlgorithm h) {
  // Fetched once for the life of the process. Given EVP_sha256() and the
  // like, OpenSSL 3 looks the implementation up again, under a lock, on every
  // EVP_DigestInit_ex; a handshake makes hundreds of digests. OpenSSL must be
  // initialised first so that these are freed before its exit handler runs.
  static const bool initialised = OPENSSL_init_crypto(0, nullptr) == 1;
  static const std::array<EvpMdPtr, 6> fetched = {
      fetch_md(HashAlgorithm::md5),    fetch_md(HashAlgorithm::sha1),
      fetch_md(HashAlgorithm::sha224), fetch_md(HashAlgorithm::sha256),
      fetch_md(HashAlgorithm::sha384), fetch_md(HashAlgorithm::sha512),
  };
  (void)initialised;
  const auto i = static_cast<size_t>(h);
  return i < fetched.size() ? fetched[i].get() : nullptr;
}

Bytes hash(HashAlgorithm h, ByteView data) {
  Hash running(h);
  running.update(data);
  return running.digest();
}

Hash::Hash(HashAlgorithm h) : alg_(h), ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(ctx_.get(), evp_md(h), nullptr);
}

Hash::Hash(const Hash& other) : alg_(other.alg_), ctx_(EVP_MD_CTX_new()) {
  EVP_MD_CTX_copy_ex(ctx_.get(), other.ctx_.get());
}

Hash& Hash::operator=(const Hash& other) {
  if (this != &other) {
    alg_ = other.alg_;
    EvpMdCtxPtr fresh(EVP_MD_CTX_new());
    EVP_MD_CTX_copy_ex(fresh.get(), other.ctx_.get());
    ctx_ = std::move(fresh);
  }
  return *this;
}

void Hash::update(ByteView data) { EVP_DigestUpdate(ctx_.get(), data.data(), data.size()); }

Bytes Hash::digest() const {
  // Finalize a fork so the running context can still be fed.
  Hash fork = *this;
  return fork.finish();
}

Bytes Hash::finish() {
  Bytes out(digest_size(alg_));
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_.get(), out.data(), &len);
  out.resize(len);
  ctx_.reset();
  return out;
}

void Transcript::update(ByteView handshake_message) {
  messages_.insert(messages_.end(), handshake_message.begin(), handshake_message.end());
  for (auto& running : running_) {
    if (running) running->update(handshake_message);
  }
}

const Hash& Transcript::running(HashAlgorithm h) const {
  auto& running = running_[static_cast<size_t>(h)];
  if (!running) {
    running.emplace(h);
    running->update(messages_);
  }
  return *running;
}

}  // namespace gauntlet
