// The certificate loader the tools use (a PEM bundle or one DER
// certificate), then every accessor the engine calls on what it loaded.
// Oracle: each certificate's DER re-encoding loads again to the same DER
// (RFC 5280 §4.1: DER has one encoding per value).

#include "engine/crypto/x509.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  auto certs = load_certificates(ByteView(data, size));
  if (!certs) return 0;
  for (const Certificate& c : *certs) {
    (void)c.public_key();
    (void)c.subject();
    (void)c.issuer();
    (void)c.not_before();
    (void)c.not_after();
    (void)c.allows_digital_signature();
    (void)c.allows_key_encipherment();
    (void)c.allows_key_agreement();
    (void)c.allows_server_auth();
    (void)c.allows_client_auth();
    const Bytes der = c.der();
    auto again = Certificate::from_der(der);
    if (!again || !fuzz::same_bytes(again->der(), der)) fuzz::oracle_failed();
  }
  return 0;
}
