// The server's side of the SSL 3.0–TLS 1.2 handshake (RFC 5246 §7.3) and of
// TLS 1.3's (RFC 8446 §2), with
// resumption by session ID and by ticket (RFC 5077) and the SSLv2-compatible
// ClientHello (RFC 5246 E.2): the handlers and writers the order table's
// rows name for the server, and the phases it passes through. As on the
// client (client_handshake.h), a phase carries what is known at that point
// and a handler that finds another phase answers internal_error.
//
//   server_hello.cc      ClientHello: version, session, suite and identity;
//                        our ServerHello
//   server_handshake.cc  the rest of our flight, the client's, our ticket
//   server_hello_13.cc   a ClientHello that settles on TLS 1.3; our ServerHello
//   server_handshake_13.cc  the rest of our TLS 1.3 flight
//   server_retry_13.cc   our HelloRetryRequest and the second ClientHello
//   server_auth_13.cc    our CertificateRequest, the client's Certificate
//                        and CertificateVerify (TLS 1.3)
//   server_psk_13.cc     the PSK a TLS 1.3 ClientHello resumes with
#pragma once

#include <functional>
#include <optional>
#include <variant>

#include "engine/connection/ephemeral_key.h"
#include "engine/connection/handshake.h"
#include "engine/crypto/dh.h"
#include "engine/crypto/keys.h"
#include "engine/messages/handshake/client_hello.h"

namespace gauntlet {

namespace server_phase {

// How keys will be agreed: the client encrypts to our certificate's key
// (RSA), or ServerKeyExchange carries FFDHE parameters or an ECDHE group.
struct RsaKeyTransport {};
using KeyPlan = std::variant<RsaKeyTransport, DhParams, NamedGroup>;

// ClientHello chose a full handshake: our identity and its key exchange.
struct Chosen {
  std::reference_wrapper<const Identity> identity;
  std::optional<SignatureScheme> scheme;  // TLS 1.2 ServerKeyExchange
  KeyPlan plan;
};

// ServerKeyExchange went out: our ephemeral key waits for the client's.
struct Shared {
  EphemeralKey ours;
};

// The client's key exchange came after its certificate: CertificateVerify
// is due, under this key.
struct VerifyingClient {
  PublicKey client_key;
};

// TLS 1.3: ClientHello chose our identity and scheme (RFC 8446 §4.2.3) and
// agreed the (EC)DHE secret, which our ServerHello's writer consumes.
struct Chosen13 {
  std::reference_wrapper<const Identity> identity;
  SignatureScheme scheme;
  Bytes shared_secret;
};

// TLS 1.3 resumption: ClientHello selected a PSK (RFC 8446 §4.2.11) and
// agreed the (EC)DHE secret, empty in psk_ke mode, which our ServerHello's
// writer consumes.
struct Resumed13 {
  Bytes shared_secret;
};

// Before ClientHello, in a resumption, or once keys are agreed.
struct Between {};

}  // namespace server_phase

class ServerHandshake final : public Handshake {
 public:
  ServerHandshake() : Handshake(Role::server) {}

  // An SSL 2.0 CLIENT-HELLO (RFC 5246 E.2) in place of the ClientHello row.
  Status on_ssl2_hello(Link& link, ByteView body);
  // An SSL 3.0 client's no_certificate alert in place of its Certificate
  // (RFC 6101 §5.6.6).
  Status on_no_certificate_alert(Link& link);
  // HelloRequest (RFC 5246 §7.4.1.1): outside the script it asks for.
  Status request_renegotiation(Link& link);

  // The rows' actions (message_order.cc).
  Status on_client_hello(Link& link, ByteView body);
  Status send_server_hello(Link& link);
  Status send_certificate(Link& link);
  Status send_server_key_exchange(Link& link);
  Status send_certificate_request(Link& link);
  Status send_server_hello_done(Link& link);
  Status on_certificate(Link& link, ByteView body);
  Status on_client_key_exchange(Link& link, ByteView body);
  Status on_certificate_verify(Link& link, ByteView body);
  Status send_new_session_ticket(Link& link);
  // TLS 1.3's (RFC 8446 §4.3.1, §4.4.2, §4.4.3).
  Status send_encrypted_extensions(Link& link);
  Status send_certificate_13(Link& link);
  Status send_certificate_verify_13(Link& link);
  // HelloRetryRequest (RFC 8446 §4.1.4) and the ClientHello it asks for.
  Status send_hello_retry_request(Link& link);
  Status on_second_client_hello(Link& link, ByteView body);
  // Client authentication in the handshake (§4.3.2, §4.4.2, §4.4.3).
  Status send_certificate_request_13(Link& link);
  Status on_certificate_13(Link& link, ByteView body);
  Status on_certificate_verify_13(Link& link, ByteView body);

 private:
  using Phase = std::variant<server_phase::Between, server_phase::Chosen, server_phase::Shared,
                             server_phase::VerifyingClient, server_phase::Chosen13,
                             server_phase::Resumed13>;

  Status act(const OrderRow& row, Link& link, ByteView body) override;
  Status process_client_hello(Link& link, const ClientHello& hello);
  Status full_handshake(Link& link);
  // Our identities, those the client's server_name names first (all when
  // none does).
  std::vector<const Identity*> identity_candidates(const Config& c) const;
  Status tls13_handshake(Link& link);
  // The ClientHello lacks a share we take, or Config says always: the
  // HelloRetryRequest's group (when `need_group`) and cookie.
  Status plan_hello_retry(Link& link, bool need_group);
  // The second ClientHello against the HelloRetryRequest (§4.1.2, §4.2.2,
  // §4.2.8).
  Status check_retry_answer(const HelloState& h) const;
  // The client's first ticket we can resume in `suite` with a mode both
  // take (server_psk_13.cc); none selected: a full handshake.
  Status choose_psk(Link& link, const CipherSuiteInfo& suite, bool have_share);
  // A HelloRetryRequest follows: the second ClientHello chooses again.
  void forget_psk();
  // 0-RTT data with the chosen PSK, or refused (§4.2.10, §8.1).
  Status accept_early_data(Link& link);
  // How much refused 0-RTT data we skip before unexpected_message.
  static size_t early_data_skip_budget(const Config& c);
  Status send_server_hello_13(Link& link);
  void resume(Session session);
  Status without_client_certificate(Link& link);

  Phase phase_;
  // The 0-RTT data the chosen ticket allows, when it is the first identity
  // and in the chosen suite (§4.2.10); zero otherwise.
  uint32_t psk_max_early_data_ = 0;
  // The key of the client's certificate, once it sent one (RFC 5246 §7.4.6).
  std::optional<PublicKey> client_key_;
};

}  // namespace gauntlet
