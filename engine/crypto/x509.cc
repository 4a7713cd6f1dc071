#include "engine/crypto/x509.h"

#include <ctime>
#include <string>
#include <utility>

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace gauntlet {
namespace {

int64_t to_unix(const ASN1_TIME* t) {
  struct tm tm {};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return 0;
  return static_cast<int64_t>(timegm(&tm));
}

std::string name_line(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

bool key_usage_allows(X509* cert, uint32_t bit) {
  return (X509_get_extension_flags(cert) & EXFLAG_KUSAGE) == 0 || (X509_get_key_usage(cert) & bit);
}

// X509_get_extended_key_usage is all ones without the extension.
bool extended_key_usage_allows(X509* cert, uint32_t bit) {
  return (X509_get_extended_key_usage(cert) & (bit | XKU_ANYEKU)) != 0;
}

AlertDescription alert_for(int error) {
  switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return AlertDescription::certificate_expired;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
      return AlertDescription::unknown_ca;
    case X509_V_ERR_INVALID_PURPOSE:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN:
    case X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE:
      return AlertDescription::unsupported_certificate;
    case X509_V_ERR_CERT_REVOKED:
      return AlertDescription::certificate_revoked;
    default:
      return AlertDescription::bad_certificate;
  }
}

X509Ptr share(X509* cert) {
  if (cert != nullptr) X509_up_ref(cert);
  return X509Ptr(cert);
}

}  // namespace

Certificate::Certificate(const Certificate& o) : cert_(share(o.cert_.get())) {}
Certificate& Certificate::operator=(const Certificate& o) {
  cert_ = share(o.cert_.get());
  return *this;
}

Bytes Certificate::der() const {
  const int len = i2d_X509(cert_.get(), nullptr);
  Bytes out(static_cast<size_t>(len > 0 ? len : 0));
  unsigned char* p = out.data();
  i2d_X509(cert_.get(), &p);
  return out;
}

Result<PublicKey> Certificate::public_key() const {
  EvpPkeyPtr key = up_ref(X509_get0_pubkey(cert_.get()));
  if (!key) {
    return Error{AlertDescription::unsupported_certificate,
                 "certificate key not supported: " + openssl_error_string()};
  }
  return PublicKey(std::move(key));
}
std::string Certificate::subject() const { return name_line(X509_get_subject_name(cert_.get())); }
std::string Certificate::issuer() const { return name_line(X509_get_issuer_name(cert_.get())); }
int64_t Certificate::not_before() const { return to_unix(X509_get0_notBefore(cert_.get())); }
int64_t Certificate::not_after() const { return to_unix(X509_get0_notAfter(cert_.get())); }
bool Certificate::allows_digital_signature() const {
  return key_usage_allows(cert_.get(), KU_DIGITAL_SIGNATURE);
}
bool Certificate::allows_key_encipherment() const {
  return key_usage_allows(cert_.get(), KU_KEY_ENCIPHERMENT);
}
bool Certificate::allows_key_agreement() const {
  return key_usage_allows(cert_.get(), KU_KEY_AGREEMENT);
}
bool Certificate::allows_server_auth() const {
  return extended_key_usage_allows(cert_.get(), XKU_SSL_SERVER);
}
bool Certificate::allows_client_auth() const {
  return extended_key_usage_allows(cert_.get(), XKU_SSL_CLIENT);
}

Result<std::vector<Certificate>> load_certificates_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  auto certs = load_certificates(*bytes);
  if (!certs) return Error{certs.error().alert, path + ": " + certs.error().reason};
  return certs;
}

TrustStore::TrustStore() : store_(X509_STORE_new()) {}

Status TrustStore::add(const Certificate& ca) {
  if (X509_STORE_add_cert(store_.get(), ca.get()) != 1) {
    return internal_error("X509_STORE_add_cert: " + openssl_error_string());
  }
  return ok_status();
}

Status TrustStore::add_pem(ByteView pem) {
  auto certs = load_certificates(pem);
  if (!certs) return certs.error();
  for (const Certificate& c : *certs) {
    if (Status s = add(c); !s) return s;
  }
  return ok_status();
}

Status TrustStore::add_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  return add_pem(*bytes);
}

Status verify_chain(const TrustStore& trust, std::span<const Certificate> chain,
                    const std::optional<std::string>& hostname, int64_t now, Purpose purpose) {
  if (chain.empty()) return Error{AlertDescription::bad_certificate, "empty certificate chain"};
  X509StackPtr untrusted(sk_X509_new_null());
  for (const Certificate& c : chain.subspan(1)) sk_X509_push(untrusted.get(), c.get());
  X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  if (!ctx ||
      X509_STORE_CTX_init(ctx.get(), trust.get(), chain.front().get(), untrusted.get()) != 1) {
    return internal_error("X509_STORE_CTX_init: " + openssl_error_string());
  }
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(now));
  X509_STORE_CTX_set_purpose(
      ctx.get(), purpose == Purpose::server ? X509_PURPOSE_SSL_SERVER : X509_PURPOSE_SSL_CLIENT);
  if (hostname) {
    if (X509_VERIFY_PARAM_set1_ip_asc(param, hostname->c_str()) != 1) {
      ERR_clear_error();  // not an address: a DNS name
      X509_VERIFY_PARAM_set1_host(param, hostname->c_str(), hostname->size());
    }
  }
  if (X509_verify_cert(ctx.get()) == 1) return ok_status();
  const int error = X509_STORE_CTX_get_error(ctx.get());
  ERR_clear_error();
  std::string reason =
      std::string("certificate verification failed: ") + X509_verify_cert_error_string(error);
  if (error == X509_V_ERR_HOSTNAME_MISMATCH || error == X509_V_ERR_IP_ADDRESS_MISMATCH) {
    reason += " (" + hostname.value_or("") + ")";
  }
  return Error{alert_for(error), std::move(reason)};
}

}  // namespace gauntlet
