#include "conformance/runner/sent_hello.h"

#include "engine/messages/framing/reassembler.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {

std::optional<ClientHello> sent_client_hello(ByteView flight) {
  Reader in(flight);
  HandshakeReassembler messages;
  for (;;) {
    auto record = read_record_view(in);
    if (!record || !*record || (*record)->type != ContentType::handshake) return std::nullopt;
    if (!messages.add((*record)->fragment)) return std::nullopt;
    auto message = messages.next();
    if (!message) return std::nullopt;
    if (!*message) continue;  // a hello fragmented over records
    if ((*message)->type != HandshakeType::client_hello) return std::nullopt;
    auto hello = ClientHello::parse((*message)->body);
    if (!hello) return std::nullopt;
    return std::move(hello).value();
  }
}

std::optional<Ssl2ClientHello> sent_ssl2_client_hello(ByteView flight) {
  auto header = read_ssl2_header(flight);
  if (!header || !*header || (*header)->padding != 0) return std::nullopt;
  const size_t end = (*header)->header_size + (*header)->length;
  if (flight.size() < end) return std::nullopt;
  auto hello = Ssl2ClientHello::parse(flight.subspan((*header)->header_size, (*header)->length));
  if (!hello) return std::nullopt;
  return std::move(hello).value();
}

}  // namespace gauntlet::conformance
