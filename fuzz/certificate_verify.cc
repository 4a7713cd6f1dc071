// CertificateVerify (RFC 5246 §7.4.8; the algorithm prefix only from
// TLS 1.2), the selector byte picking the version; round-trip oracle.
#include "engine/messages/handshake/certificate_verify.h"
#include "fuzz/oracle.h"
#include "fuzz/selectors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  const ProtocolVersion v = fuzz::tls_version(in.selector);
  fuzz::check_round_trip(in.rest, [&](ByteView b) { return CertificateVerify::parse(b, v); });
  return 0;
}
