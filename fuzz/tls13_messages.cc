// TLS 1.3-only messages, chosen by the selector byte, round-trip oracle;
// also the TLS 1.3 forms of CertificateVerify (RFC 8446 §4.4.3: a scheme
// always) and Finished (§4.4.4: verify_data the suite hash's length, the
// selector's top bit picking SHA-384 over SHA-256).
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/certificate_request_13.h"
#include "engine/messages/tls13/encrypted_extensions.h"
#include "engine/messages/tls13/key_update.h"
#include "engine/messages/tls13/new_session_ticket_13.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  switch (in.selector % 8) {
    case 0:
      fuzz::check_round_trip(in.rest, EncryptedExtensions::parse);
      break;
    case 1:
      fuzz::check_round_trip(in.rest, Certificate13::parse);
      break;
    case 2:
      fuzz::check_round_trip(in.rest, CertificateRequest13::parse);
      break;
    case 3:
      fuzz::check_round_trip(in.rest, NewSessionTicket13::parse);
      break;
    case 4:
      fuzz::check_round_trip(in.rest, KeyUpdate::parse);
      break;
    case 5:
      fuzz::check_round_trip(in.rest, EndOfEarlyData::parse);
      break;
    case 6:
      fuzz::check_round_trip(in.rest, [](ByteView b) {
        return CertificateVerify::parse(b, ProtocolVersion::tls13);
      });
      break;
    default: {
      const size_t length = in.selector & 0x80 ? 48 : 32;
      fuzz::check_round_trip(in.rest, [&](ByteView b) { return Finished::parse(b, length); });
      break;
    }
  }
  return 0;
}
