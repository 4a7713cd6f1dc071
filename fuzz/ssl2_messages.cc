// SSL 2.0 messages (dispatched on their own msg-type byte) and the E.2
// conversion, round-trip oracle.
#include "engine/messages/ssl2/client_certificate.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/client_master_key.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/messages/ssl2/short_messages.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  const ByteView input(data, size);
  if (size == 0) return 0;
  switch (static_cast<Ssl2MessageType>(input.front())) {
    case Ssl2MessageType::client_hello:
      fuzz::check_round_trip(input, Ssl2ClientHello::parse);
      if (auto hello = Ssl2ClientHello::parse(input)) (void)to_tls_view(*hello);
      break;
    case Ssl2MessageType::server_hello:
      fuzz::check_round_trip(input, Ssl2ServerHello::parse);
      break;
    case Ssl2MessageType::client_master_key:
      fuzz::check_round_trip(input, Ssl2ClientMasterKey::parse);
      break;
    case Ssl2MessageType::client_certificate:
      fuzz::check_round_trip(input, Ssl2ClientCertificate::parse);
      break;
    case Ssl2MessageType::client_finished:
      fuzz::check_round_trip(input, Ssl2ClientFinished::parse);
      break;
    case Ssl2MessageType::server_verify:
      fuzz::check_round_trip(input, Ssl2ServerVerify::parse);
      break;
    case Ssl2MessageType::server_finished:
      fuzz::check_round_trip(input, Ssl2ServerFinished::parse);
      break;
    case Ssl2MessageType::request_certificate:
      fuzz::check_round_trip(input, Ssl2RequestCertificate::parse);
      break;
    default:
      fuzz::check_round_trip(input, Ssl2Error::parse);
      break;
  }
  return 0;
}
