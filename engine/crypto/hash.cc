#include "engine/crypto/hash.h"

#include <openssl/evp.h>

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

const EVP_MD* evp_md(HashAlgorithm h) {
  switch (h) {
    case HashAlgorithm::md5:
      return EVP_md5();
    case HashAlgorithm::sha1:
      return EVP_sha1();
    case HashAlgorithm::sha224:
      return EVP_sha224();
    case HashAlgorithm::sha256:
      return EVP_sha256();
    case HashAlgorithm::sha384:
      return EVP_sha384();
    case HashAlgorithm::sha512:
      return EVP_sha512();
  }
  return nullptr;
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
  EvpMdCtxPtr fork(EVP_MD_CTX_new());
  EVP_MD_CTX_copy_ex(fork.get(), ctx_.get());
  Bytes out(digest_size(alg_));
  unsigned int len = 0;
  EVP_DigestFinal_ex(fork.get(), out.data(), &len);
  out.resize(len);
  return out;
}

Transcript::Transcript()
    : md5_(HashAlgorithm::md5),
      sha1_(HashAlgorithm::sha1),
      sha256_(HashAlgorithm::sha256),
      sha384_(HashAlgorithm::sha384) {}

void Transcript::update(ByteView handshake_message) {
  md5_.update(handshake_message);
  sha1_.update(handshake_message);
  sha256_.update(handshake_message);
  sha384_.update(handshake_message);
  if (keep_messages_)
    messages_.insert(messages_.end(), handshake_message.begin(), handshake_message.end());
}

Bytes Transcript::digest(HashAlgorithm h) const {
  switch (h) {
    case HashAlgorithm::md5:
    case HashAlgorithm::sha1:
    case HashAlgorithm::sha256:
    case HashAlgorithm::sha384:
      return running(h).digest();
    default:
      return hash(h, messages_);
  }
}

const Hash& Transcript::running(HashAlgorithm h) const {
  switch (h) {
    case HashAlgorithm::md5:
      return md5_;
    case HashAlgorithm::sha1:
      return sha1_;
    case HashAlgorithm::sha384:
      return sha384_;
    default:
      return sha256_;
  }
}

void Transcript::drop_messages() {
  keep_messages_ = false;
  messages_.clear();
  messages_.shrink_to_fit();
}

}  // namespace gauntlet
