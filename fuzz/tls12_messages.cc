// The other TLS handshake messages and record bodies; the selector byte
// chooses the message (low nibble) and the version (next bits), and for the
// key exchanges the form. Round-trip oracle.
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/empty_messages.h"
#include "engine/messages/handshake/finished.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/messages/handshake/server_key_exchange.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  constexpr ProtocolVersion kVersions[] = {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                           ProtocolVersion::tls11, ProtocolVersion::tls12};
  const ProtocolVersion v = kVersions[(in.selector >> 4) & 3];
  const auto form = static_cast<KeyExchangeForm>((in.selector >> 6) % 3);
  switch (in.selector & 0x0f) {
    case 0:
      fuzz::check_round_trip(in.rest, CertificateMessage::parse);
      break;
    case 1:
      fuzz::check_round_trip(in.rest, [&](ByteView b) { return CertificateRequest::parse(b, v); });
      break;
    case 2:
      fuzz::check_round_trip(in.rest, [&](ByteView b) { return CertificateVerify::parse(b, v); });
      break;
    case 3:
      fuzz::check_round_trip(in.rest,
                             [&](ByteView b) { return ClientKeyExchange::parse(b, form, v); });
      break;
    case 4:
      if (form != KeyExchangeForm::rsa) {
        fuzz::check_round_trip(in.rest,
                               [&](ByteView b) { return ServerKeyExchange::parse(b, form, v); });
      }
      break;
    case 5:
      fuzz::check_round_trip(in.rest, [&](ByteView b) { return Finished::parse(b, finished_length(v)); });
      break;
    case 6:
      fuzz::check_round_trip(in.rest, NewSessionTicket::parse);
      break;
    case 7:
      fuzz::check_round_trip(in.rest, AlertMessage::parse);
      break;
    case 8:
      fuzz::check_round_trip(in.rest, ChangeCipherSpec::parse);
      break;
    case 9:
      fuzz::check_round_trip(in.rest, HelloRequest::parse);
      break;
    default:
      fuzz::check_round_trip(in.rest, ServerHelloDone::parse);
      break;
  }
  return 0;
}
