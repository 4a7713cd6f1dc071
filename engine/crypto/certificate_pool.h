// Decoded certificates shared by their DER bytes, as BoringSSL's
// CRYPTO_BUFFER_POOL shares certificate buffers: a client meets the same
// server chain on every full handshake, and decoding it — above all its
// public key, through OpenSSL 3's OSSL_DECODER — costs a fifth of a TLS 1.3
// RSA handshake (docs/PERFORMANCE.md). Only the parsing is shared: whoever
// takes a certificate from the pool still verifies it, every time.
// Bounded in entries and in DER bytes, so that peers sending ever new
// certificates (a server's clients) cannot grow it: the least recently used
// entry goes first, and a certificate larger than the byte bound is decoded
// but not kept. Thread-safe: one Config serves many connections.
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
  explicit CertificatePool(size_t max_entries = 64, size_t max_bytes = 256 * 1024)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  CertificatePool(const CertificatePool&) = delete;
  CertificatePool& operator=(const CertificatePool&) = delete;

  // Certificate::from_der(der), sharing the X509 object decoded before for the
  // same bytes; a failure is not kept.
  Result<Certificate> decode(ByteView der);
  size_t size() const;
  size_t bytes() const;  // DER bytes kept

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
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

}  // namespace gauntlet
