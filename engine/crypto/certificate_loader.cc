// The certificate parsers of x509.h: one DER certificate, or a PEM chain.
#include "engine/crypto/x509.h"

#include <utility>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace gauntlet {
namespace {

// The PEM loop ends on "no start line" after the last block; anything else
// is a block that did not decode.
bool pem_ended_cleanly() {
  const unsigned long e = ERR_peek_last_error();
  return e == 0 || (ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE);
}

}  // namespace

Result<Certificate> Certificate::from_der(ByteView der) {
  const unsigned char* p = der.data();
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) {
    return Error{AlertDescription::bad_certificate,
                 "not a DER certificate: " + openssl_error_string()};
  }
  if (p != der.data() + der.size()) {
    return Error{AlertDescription::bad_certificate, "trailing bytes after the certificate"};
  }
  return Certificate(std::move(cert));
}

Result<std::vector<Certificate>> load_certificates(ByteView pem_or_der) {
  std::vector<Certificate> out;
  BioPtr bio(BIO_new_mem_buf(pem_or_der.data(), static_cast<int>(pem_or_der.size())));
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    out.emplace_back(X509Ptr(cert));
  }
  if (!pem_ended_cleanly()) {
    return Error{AlertDescription::bad_certificate,
                 "corrupt PEM certificate: " + openssl_error_string()};
  }
  ERR_clear_error();
  if (!out.empty()) return out;
  auto der = Certificate::from_der(pem_or_der);
  if (!der) return Error{AlertDescription::bad_certificate, "no certificate in PEM or DER input"};
  out.push_back(std::move(*der));
  return out;
}

}  // namespace gauntlet
