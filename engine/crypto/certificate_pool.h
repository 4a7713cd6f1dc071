// Decoded certificates shared by their DER bytes, as BoringSSL's
// CRYPTO_BUFFER_POOL shares certificate buffers: a client meets the same
// server chain on every full handshake, and decoding it — above all its
// public key, through OpenSSL 3's OSSL_DECODER — costs a fifth of a TLS 1.3
// RSA handshake (docs/PERFORMANCE.md). Only the parsing is shared: whoever
// takes a certificate from the pool still verifies it, every time.
// Bounded: the least recently used entry goes first. Thread-safe: one Config
// serves many connections.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/x509.h"

namespace gauntlet {

class CertificatePool {
 public:
  explicit CertificatePool(size_t capacity = 64) : capacity_(capacity) {}
  CertificatePool(const CertificatePool&) = delete;
  CertificatePool& operator=(const CertificatePool&) = delete;

  // Certificate::from_der(der), sharing the X509 object decoded before for the
  // same bytes; a failure is not kept.
  Result<Certificate> decode(ByteView der);
  size_t size() const;

 private:
  struct Entry {
    Bytes der;
    Certificate certificate;
  };
  // Keys view the der of their entry, which a list node keeps in place.
  static std::string_view key(ByteView der) {
    return {reinterpret_cast<const char*>(der.data()), der.size()};
  }
  // The lock is held: `it` becomes the most recently used.
  void touch(std::list<Entry>::iterator it);

  mutable std::mutex mu_;
  size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

}  // namespace gauntlet
