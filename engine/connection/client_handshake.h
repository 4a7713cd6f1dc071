// The client's side of the SSL 3.0–TLS 1.2 handshake (RFC 5246 §7.3) and of
// TLS 1.3's (RFC 8446 §2), from one ClientHello: the handlers and writers the order table's rows name for the client, and the
// phases it passes through. A phase carries what is known at that point
// (rustls's typed states), so a handler takes its inputs from the phase it
// needs and never from a field the table alone promises is set; a handler
// that finds another phase answers internal_error.
//
//   client_hello.cc      ClientHello (and its SSL 2.0 form), ServerHello
//   client_handshake.cc  the server's flight, ours, NewSessionTicket
//   client_hello_13.cc   a TLS 1.3 ServerHello
//   client_handshake_13.cc  the server's TLS 1.3 flight
//   client_retry_13.cc   a HelloRetryRequest and our second ClientHello
//   client_auth_13.cc    CertificateRequest, our Certificate and
//                        CertificateVerify (TLS 1.3)
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <variant>

#include "engine/connection/authentication_13.h"
#include "engine/connection/ephemeral_key.h"
#include "engine/connection/handshake.h"
#include "engine/crypto/dh.h"
#include "engine/crypto/keys.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/server_hello.h"

namespace gauntlet {

namespace client_phase {

// The server's share of a DHE or ECDHE key exchange (ServerKeyExchange);
// monostate: RSA key transport to the certificate's key.
struct DhShare {
  DhParams params;
  Bytes public_value;
};
struct EcShare {
  NamedGroup group;
  Bytes point;
};
using ServerShare = std::variant<std::monostate, DhShare, EcShare>;

// Our ClientHello offered TLS 1.3: the private halves of its key shares.
struct OfferedShares {
  std::vector<std::pair<NamedGroup, EphemeralKey>> keys;
};

// TLS 1.3: the server's CertificateRequest (RFC 8446 §4.3.2), before its
// Certificate: the context to echo and the schemes it verifies.
struct Requested13 {
  Bytes context;
  RequestedSchemes13 schemes;
};

// The server's Certificate has been checked; its flight goes on.
struct ServerCertified {
  PublicKey server_key;
  ServerShare share;
  std::optional<CertificateRequest> request;  // the server asked for ours
  std::optional<Requested13> request13;       // TLS 1.3's request
};

// TLS 1.3: the server's flight is checked and asked for our certificate.
struct Answering13 {
  std::optional<ClientSigner13> signer;  // none fits: an empty Certificate
  Bytes context;
};

// TLS 1.3: our certificate went out: CertificateVerify is due.
struct Certifying13 {
  ClientSigner13 signer;
};

// ServerHelloDone came: our flight is decided.
struct Answering {
  PublicKey server_key;
  ServerShare share;
  const Identity* identity = nullptr;  // ours to send; null: none fits (or none asked)
  std::optional<SignatureScheme> scheme;  // TLS 1.2 CertificateVerify
};

// Keys are set and our certificate went out: CertificateVerify is due.
struct Certifying {
  std::reference_wrapper<const Identity> identity;
  std::optional<SignatureScheme> scheme;
};

// Hellos, a resumption, or the keys set with nothing more to sign.
struct Between {};

}  // namespace client_phase

class ClientHandshake final : public Handshake {
 public:
  ClientHandshake() : Handshake(Role::client) {}

  // The rows' actions (message_order.cc).
  Status send_client_hello(Link& link);
  Status on_server_hello(Link& link, ByteView body);
  Status on_certificate(Link& link, ByteView body);
  Status on_server_key_exchange(Link& link, ByteView body);
  Status on_certificate_request(Link& link, ByteView body);
  Status on_server_hello_done(Link& link, ByteView body);
  Status send_certificate(Link& link);
  Status send_client_key_exchange(Link& link);
  Status send_certificate_verify(Link& link);
  Status on_new_session_ticket(Link& link, ByteView body);
  // TLS 1.3's (RFC 8446 §4.3.1, §4.4.2, §4.4.3).
  Status on_encrypted_extensions(Link& link, ByteView body);
  Status on_certificate_13(Link& link, ByteView body);
  Status on_certificate_verify_13(Link& link, ByteView body);
  // After a HelloRetryRequest (RFC 8446 §4.1.4).
  Status send_second_client_hello(Link& link);
  Status on_server_hello_after_retry(Link& link, ByteView body);
  // Client authentication in the handshake (§4.3.2, §4.4.2, §4.4.3).
  Status on_certificate_request_13(Link& link, ByteView body);
  Status send_certificate_13(Link& link);
  Status send_certificate_verify_13(Link& link);

 private:
  using Phase = std::variant<client_phase::Between, client_phase::OfferedShares,
                             client_phase::ServerCertified, client_phase::Answering,
                             client_phase::Certifying, client_phase::Requested13,
                             client_phase::Answering13, client_phase::Certifying13>;

  Status act(const OrderRow& row, Link& link, ByteView body) override;
  Status send_ssl2_hello(Link& link);
  // Our ClientHello offers TLS 1.3: a key share for our first group.
  Status offer_tls13(Link& link);
  // Our one key share, for `group`, drawn now.
  Status offer_shares(Link& link, std::span<const NamedGroup> groups);
  // A TLS 1.3 ticket offered in pre_shared_key: its binder, over the hello
  // as built (RFC 8446 §4.2.11.2).
  Status bind_psk(Link& link);
  // 0-RTT (RFC 8446 §2.3): ClientOptions::early_data after our ClientHello.
  Status send_early_data(Link& link);
  // 0-RTT data taken: in the ticket's suite and ALPN protocol (§4.2.10).
  Status check_early_data_parameters() const;
  bool offered_tls13() const { return hello_.offers_tls13; }
  // §4.1.3's checks of a TLS 1.3 ServerHello or HelloRetryRequest (`kind`):
  // legacy fields, the echo, the suite; then its extensions' rows.
  Status read_hello_13(Link& link, const ServerHello& sh, ExtensionContext kind);
  Status on_server_hello_13(Link& link, const ServerHello& sh);
  Status on_hello_retry_request(Link& link, const ServerHello& hrr, ByteView body);
  // The identity and scheme we answer a CertificateRequest with.
  client_phase::Answering13 answer_request_13(const Config& c, client_phase::Requested13 request);
  // peer_chain_ against Config::trust and the name we asked for.
  Status verify_server_chain(const Link& link) const;

  Phase phase_;
};

}  // namespace gauntlet
