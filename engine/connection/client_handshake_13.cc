// The server's TLS 1.3 flight as the client reads it (RFC 8446 §4.3.1,
// §4.4.2, §4.4.3): EncryptedExtensions, the server's Certificate and its
// CertificateVerify. Finished is the shared row (handshake_13.cc).

#include "engine/connection/client_handshake.h"
#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/messages/tls13/encrypted_extensions.h"

namespace gauntlet {

using namespace client_phase;

Status ClientHandshake::on_encrypted_extensions(Link& link, ByteView body) {
  auto ee = EncryptedExtensions::parse(body);
  if (!ee) return ee.error();
  const std::optional<Extensions> block = std::move(ee->extensions);
  if (auto st = check_tls13_placement(ExtensionContext::encrypted_extensions, block); !st) {
    return st;
  }
  HelloScope scope = hello_scope(link);
  if (auto st = on_reply(scope, ExtensionContext::encrypted_extensions, block); !st) return st;
  if (auto st = check_early_data_parameters(); !st) return st;
  // §4.2.10: refused 0-RTT data is gone; our next records use the
  // handshake key. Taken, it ends with EndOfEarlyData.
  hello_.facts.early_data = hello_.early_data_accepted;
  if (hello_.early_data_offered && !hello_.early_data_accepted) {
    if (auto st = use_handshake_write_key(link); !st) return st;
  }
  apply_fragment_limits(link, Direction::send);
  apply_fragment_limits(link, Direction::receive);
  return ok_status();
}

// §4.2.10: a server may take 0-RTT data only in the suite and with the ALPN
// protocol of the ticket it was sent under; one that claims it took them
// otherwise read our data under parameters we did not send it with.
Status ClientHandshake::check_early_data_parameters() const {
  const HelloState& h = hello_;
  if (!h.early_data_accepted) return ok_status();
  if (!h.offered) return internal_error("early data accepted without our ticket");
  if (h.suite.get().suite != h.offered->suite) {
    return illegal_parameter("early_data accepted in " + iana_name(h.suite.get().suite) +
                             ", not the ticket's " + iana_name(h.offered->suite));
  }
  if (h.alpn != h.offered->alpn) {
    return illegal_parameter("early_data accepted with ALPN \"" + h.alpn +
                             "\", not the ticket's \"" + h.offered->alpn + "\"");
  }
  return ok_status();
}

Status ClientHandshake::on_certificate_13(Link& link, ByteView body) {
  auto parsed = Certificate13::parse(body);
  if (!parsed) return parsed.error();
  // §4.4.2: empty for server authentication; §4.4.2.4: never empty.
  if (!parsed->certificate_request_context.empty()) {
    return illegal_parameter("server Certificate with a certificate_request_context");
  }
  if (parsed->certificate_list.empty()) return decode_error("server sent no certificate");
  for (const CertificateEntry& entry : parsed->certificate_list) {
    if (auto st = check_solicited(hello_.client_hello, entry.extensions); !st) return st;
  }
  if (auto st = take_peer_chain_13(link.config, *parsed); !st) return st;
  if (auto st = verify_server_chain(link); !st) return st;
  auto key = peer_chain_.front().public_key();
  if (!key) return key.error();
  // §4.3.2: a CertificateRequest comes before the server's Certificate.
  std::optional<Requested13> request;
  if (auto* requested = std::get_if<Requested13>(&phase_)) request = std::move(*requested);
  HandshakeFacts& facts = hello_.facts;
  if (!facts.certificate_request) facts.certificate_request = false;
  phase_ = ServerCertified{std::move(key).value(), std::monostate{}, std::nullopt,
                           std::move(request)};
  return ok_status();
}

// §4.4.3: a scheme we offered, over the transcript through Certificate.
Status ClientHandshake::on_certificate_verify_13(Link& link, ByteView body) {
  const auto* certified = std::get_if<ServerCertified>(&phase_);
  if (!certified) return internal_error("CertificateVerify before the server's certificate");
  auto scheme = check_certificate_verify_13(link, body, certified->server_key);
  if (!scheme) return scheme.error();
  server_signature_scheme_ = *scheme;
  if (certified->request13) {
    phase_ = answer_request_13(link.config, *certified->request13);
  } else {
    phase_ = Between{};
  }
  return ok_status();
}

}  // namespace gauntlet
