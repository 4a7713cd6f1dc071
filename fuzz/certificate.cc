// Certificate, TLS 1.2 and earlier form (RFC 5246 §7.4.2), round-trip oracle.
#include "engine/messages/handshake/certificate.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gauntlet::fuzz::check_round_trip(gauntlet::ByteView(data, size),
                                   gauntlet::CertificateMessage::parse);
  return 0;
}
