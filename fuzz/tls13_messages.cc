// TLS 1.3-only messages, chosen by the selector byte, round-trip oracle.
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
  switch (in.selector % 6) {
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
    default:
      fuzz::check_round_trip(in.rest, EndOfEarlyData::parse);
      break;
  }
  return 0;
}
