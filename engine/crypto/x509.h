// X.509 certificates and chain verification through OpenSSL's X509_STORE.
// Time comes from our injected clock, so tests can verify at any instant.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/openssl_ptr.h"

namespace gauntlet {

class Certificate {
 public:
  explicit Certificate(X509Ptr cert) : cert_(std::move(cert)) {}
  Certificate(const Certificate& other);
  Certificate& operator=(const Certificate& other);
  Certificate(Certificate&&) noexcept = default;
  Certificate& operator=(Certificate&&) noexcept = default;

  // One DER certificate, exactly (trailing bytes are bad_certificate).
  static Result<Certificate> from_der(ByteView der);

  Bytes der() const;
  // unsupported_certificate when OpenSSL cannot decode the key's algorithm.
  Result<PublicKey> public_key() const;
  std::string subject() const;  // one line, RFC 2253
  std::string issuer() const;
  int64_t not_before() const;  // Unix time
  int64_t not_after() const;
  // keyUsage bits TLS cares about; true when the extension is absent.
  bool allows_digital_signature() const;
  bool allows_key_encipherment() const;
  bool allows_key_agreement() const;
  // extendedKeyUsage (RFC 5280 §4.2.1.12); true when the extension is absent
  // or lists anyExtendedKeyUsage.
  bool allows_server_auth() const;
  bool allows_client_auth() const;
  X509* get() const { return cert_.get(); }

 private:
  X509Ptr cert_;
};

// Every certificate of a PEM bundle, or the one certificate of a DER blob;
// bad_certificate if there is none or a PEM block is corrupt.
Result<std::vector<Certificate>> load_certificates(ByteView pem_or_der);
Result<std::vector<Certificate>> load_certificates_file(const std::string& path);

class TrustStore {
 public:
  TrustStore();
  Status add(const Certificate& ca);
  Status add_pem(ByteView pem);
  Status add_file(const std::string& path);
  X509_STORE* get() const { return store_.get(); }

 private:
  X509StorePtr store_;
};

enum class Purpose { server, client };

// Verifies chain (leaf first) to an anchor in `trust` at time `now`, for the
// purpose, and the hostname (DNS name or IP address) if given. Failures carry
// the alert a TLS peer sends: certificate_expired, unknown_ca, bad_certificate
// or unsupported_certificate.
Status verify_chain(const TrustStore& trust, std::span<const Certificate> chain,
                    const std::optional<std::string>& hostname, int64_t now, Purpose purpose);

}  // namespace gauntlet
