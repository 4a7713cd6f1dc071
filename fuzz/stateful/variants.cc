#include "fuzz/stateful/variants.h"

namespace gauntlet::fuzzing {

void pin(Variant v, Settings& s) {
  switch (v) {
    case Variant::any:
      break;
    case Variant::client_auth:
      s.client_auth = true;
      break;
    case Variant::tickets:
      s.tickets = true;
      break;
    case Variant::ssl3:
      s.max_version = ProtocolVersion::ssl3;
      break;
    case Variant::tls10_11:
      // TLS 1.0 and 1.1 share their handshake (RFC 4346 §1.1 lists only
      // record-layer changes); the header's version bit keeps choosing.
      if (s.max_version != ProtocolVersion::tls11) s.max_version = ProtocolVersion::tls10;
      break;
    case Variant::tls12:
      s.max_version = ProtocolVersion::tls12;
      break;
    case Variant::ssl2:
      s.min_version = s.max_version = ProtocolVersion::ssl2;
      break;
    case Variant::tls13:
      s.max_version = ProtocolVersion::tls13;
      break;
    case Variant::tls13_hrr:
      s.max_version = ProtocolVersion::tls13;
      s.hello_retry = true;
      break;
    case Variant::tls13_psk:
      s.max_version = ProtocolVersion::tls13;
      s.resumption = s.tickets = true;
      break;
    case Variant::tls13_client_auth:
      s.max_version = ProtocolVersion::tls13;
      s.post_handshake_auth = true;
      break;
  }
}

bool matches(Variant v, const Settings& s) {
  Settings pinned = s;
  pin(v, pinned);
  return pinned == s && (v == Variant::ssl2) == (s.min_version == ProtocolVersion::ssl2);
}

void fuzz_client(const uint8_t* data, size_t size, Variant v) {
  Reader r(ByteView(data, size));
  auto settings = Settings::parse(r);
  if (!settings) return;
  pin(v, *settings);
  Connection client = Connection::client(client_config(*settings), client_options(*settings));
  (void)client.take_output();
  run(client, r.rest(), *settings);
}

void fuzz_server(const uint8_t* data, size_t size, Variant v) {
  Reader r(ByteView(data, size));
  auto settings = Settings::parse(r);
  if (!settings) return;
  pin(v, *settings);
  Connection server = Connection::server(server_config(*settings));
  run(server, r.rest(), *settings);
}

}  // namespace gauntlet::fuzzing
