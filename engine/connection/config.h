// What a connection may negotiate and with which keys. One Config serves many
// connections (a server's, possibly at once on several threads); what
// changes per connection — the server name a client asks for, the session it
// offers — goes in ClientOptions. Randomness and time come from here, so a
// run can be made deterministic. ConfigBuilder (config_builder.h) assembles
// one.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/connection/bugs.h"
#include "engine/connection/policy.h"
#include "engine/crypto/certificate_pool.h"
#include "engine/crypto/clock.h"
#include "engine/crypto/dh.h"
#include "engine/crypto/keys.h"
#include "engine/crypto/random.h"
#include "engine/crypto/x509.h"
#include "engine/messages/extensions/list_extensions.h"
#include "engine/messages/framing/limits.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"
#include "engine/session/session.h"
#include "engine/session/session_cache.h"
#include "engine/session/single_use.h"
#include "engine/session/ticket_keys.h"

namespace gauntlet {

// A certificate chain (leaf first) and its key.
struct Identity {
  std::vector<Certificate> chain;
  PrivateKey key;

  // True if the leaf's names cover host (RFC 6125, through X509_check_host).
  bool matches(const std::string& host) const;
};

Result<Identity> load_identity(const std::string& chain_file, const std::string& key_file);

struct Config {
  Config();

  ProtocolVersion min_version = ProtocolVersion::tls10;
  ProtocolVersion max_version = ProtocolVersion::tls13;
  // Preference order; TLS 1.3 suites (RFC 8446 §B.4) among the rest, each
  // version takes its own.
  std::vector<CipherSuite> cipher_suites;
  std::vector<NamedGroup> groups;          // ECDHE curves and FFDHE groups
  std::vector<SignatureScheme> signature_schemes;
  // The schemes we accept in a peer's chain when they differ from
  // signature_schemes, sent as signature_algorithms_cert (RFC 8446 §4.2.3)
  // in our ClientHello and TLS 1.3 CertificateRequest; empty: not sent.
  std::vector<SignatureScheme> signature_schemes_cert;

  // Server: chosen by SNI, then by what the suite needs. Client: offered for
  // client authentication (the first whose key type the server accepts).
  std::vector<Identity> identities;
  // Peer chains are verified against this; none means no verification.
  std::shared_ptr<const TrustStore> trust;
  bool verify_hostname = true;  // client: the chain must name the server
  // Peer certificates decoded once for every connection that receives the
  // same bytes (a client's server chain, a server's client certificates);
  // each chain is still verified on every handshake. None: decoded anew.
  std::shared_ptr<CertificatePool> certificate_pool = std::make_shared<CertificatePool>();

  ClientAuth client_auth = ClientAuth::none;  // server
  // Client: offer post_handshake_auth (RFC 8446 §4.2.6), so a TLS 1.3
  // server may ask for a certificate after the handshake.
  bool post_handshake_auth = false;
  std::shared_ptr<SessionCache> session_cache;  // server; none: no session IDs
  std::shared_ptr<TicketKeys> ticket_keys;      // server; none: no tickets
  // Server, TLS 1.3: stateful tickets (RFC 8446 §4.6.1: a ticket "may be
  // either a database lookup key or a self-encrypted and self-authenticated
  // value"), the sessions keyed by ticket identity (Session::id). A PSK
  // identity is looked up here before ticket_keys try to open it; with a
  // store, our NewSessionTickets are lookup keys into it. A caller may store
  // sessions of its own (an external PSK database).
  std::shared_ptr<SessionCache> ticket_store;
  bool offer_tickets = true;                    // client (RFC 5077)
  // Server with ticket keys or a ticket store: NewSessionTickets after each
  // TLS 1.3 handshake
  // (RFC 8446 §4.6.1), two as OpenSSL sends.
  uint32_t tls13_tickets = 2;
  // TLS 1.3 resumption (RFC 8446 §4.2.9): the modes a client offers with a
  // ticket, and those a server resumes with, its preference first.
  std::vector<PskKeyExchangeMode> psk_modes = {PskKeyExchangeMode::psk_dhe_ke};
  // Server, TLS 1.3 0-RTT (RFC 8446 §4.2.10): the early data our tickets
  // allow and we accept, none when zero; each ticket carries early data
  // once (§8.1), so a replayed ClientHello gets a 1-RTT handshake.
  uint32_t max_early_data = 0;
  std::shared_ptr<SingleUseTickets> early_data_tickets = std::make_shared<SingleUseTickets>();
  uint32_t session_lifetime = 7200;

  std::vector<std::string> alpn;  // preference order
  RenegotiationPolicy renegotiation = RenegotiationPolicy::secure;
  // Renegotiations a connection may go through after its first handshake;
  // beyond it a request is refused as the policy refuses one. Each costs the
  // server a private-key operation, so a server facing strangers bounds it.
  std::optional<uint32_t> max_renegotiations;  // none: no limit
  // RFC 5746 itself; off only to play a legacy peer that predates it.
  bool secure_renegotiation = true;
  bool extended_master_secret = true;  // RFC 7627
  bool require_extended_master_secret = false;
  bool encrypt_then_mac = true;        // RFC 7366
  // RFC 8449: the largest plaintext we accept; announced when set.
  std::optional<uint16_t> record_size_limit;
  // RFC 6066 §4: a client's request, 1..4 for 2^9..2^12 bytes.
  std::optional<uint8_t> max_fragment_length;
  // RFC 8446 D.4: middlebox compatibility mode, as OpenSSL defaults to. A
  // TLS 1.3 client sends a 32-byte legacy_session_id and either side a
  // ChangeCipherSpec before its first encrypted record.
  bool middlebox_compat = true;
  // RFC 8446 §4.1.4: a TLS 1.3 server asks every client for a second
  // ClientHello, one whose key share fits too; its HelloRetryRequest then
  // carries a cookie (§4.2.2), so the second ClientHello always changes.
  bool always_hello_retry = false;
  // §4.2.2: the cookie our HelloRetryRequests carry; empty: 32 random bytes
  // with always_hello_retry, else none.
  Bytes hello_retry_cookie;
  // RFC 7685: a client pads a ClientHello of 256 to 511 bytes to 512, as
  // NSS and BoringSSL do for servers that choke on those lengths.
  bool pad_client_hello = false;
  // TLS 1.3: records one write key seals before we replace it with a
  // KeyUpdate (RFC 8446 §4.6.3); without it, only as the AEAD's record
  // limit nears (§5.5).
  std::optional<uint64_t> key_update_after;
  // TLS 1.3: how our protected records are padded (RFC 8446 §5.4).
  RecordPadding tls13_padding;
  // RFC 7507: a client retrying with a lower version says so.
  bool send_fallback_scsv = false;
  // A client's first ClientHello in SSL 2.0 form, as old clients sent it
  // (RFC 5246 E.2): no extensions, no session to resume.
  bool ssl2_compatible_hello = false;
  // SSL 2.0 cipher kinds, preference order, for a range that includes SSL
  // 2.0 (engine/connection/ssl2/); those this libcrypto lacks are skipped.
  std::vector<Ssl2CipherKind> ssl2_cipher_kinds;
  size_t min_dh_bits = 1024;
  FfdheGroup dh_group = FfdheGroup::ffdhe2048;  // DHE when the client names none

  // Deliberate protocol violations for the conformance runner's scripted
  // peer; empty for any real use.
  Bugs bugs;

  // Fuzzer mode, as BoringSSL's: records stay in the clear after
  // ChangeCipherSpec (SSL 2.0: after the keys are known; TLS 1.3: the
  // TLSInnerPlaintext in the clear), Finished, signatures, PSK binders and
  // renegotiation_info always check out, tickets are the bare session
  // state. Only the fuzzing build of the engine
  // (//engine/connection:connection_fuzzing) accepts it.
  bool fuzzer_mode = false;

  // Bytes a connection will buffer: unread application data and unprocessed
  // input. Beyond it receive() stops reading records, then fails.
  size_t max_buffered = 1 << 20;
  // The largest handshake message we buffer, by kind (framing/limits.h);
  // beyond it the peer gets decode_error.
  MessageLimits message_limits;

  std::shared_ptr<RandomSource> random;
  std::shared_ptr<const Clock> clock;
  // NSS key log lines (CLIENT_RANDOM <random> <master>), for Wireshark.
  std::function<void(std::string_view line)> keylog;
  // Each handshake message from the peer, whole, before it is handled: what
  // the conformance runner's {message: …} expectations watch.
  std::function<void(HandshakeType type)> on_message;
  // Each handshake message of ours as we reach it, a skipped or garbled one
  // too: what the runner checks its deviations against (a Bugs knob on a
  // message we never reached never reached the wire).
  std::function<void(HandshakeType type)> on_message_sent;
  // The same for SSL 2.0's messages (engine/connection/ssl2/).
  std::function<void(Ssl2MessageType type)> on_ssl2_message_sent;
};

// What changes per client connection.
struct ClientOptions {
  std::string server_name;         // SNI and hostname verification; empty: none
  std::optional<Session> session;  // offered for resumption
  // TLS 1.3: sent as 0-RTT data with the session's ticket when the ticket
  // allows that much (RFC 8446 §4.2.10); Negotiated says if it was taken.
  Bytes early_data = {};
};

// The suites the engine implements and Debian's OpenSSL still speaks, the
// strong ones first: SSL 3.0 to TLS 1.2.
std::vector<CipherSuite> default_cipher_suites();
// TLS 1.3's (RFC 8446 §B.4): OpenSSL's defaults, then the CCM ones.
std::vector<CipherSuite> tls13_cipher_suites();
// Every suite the engine implements below TLS 1.3, the defaults first, NULL
// ciphers last.
std::vector<CipherSuite> all_engine_cipher_suites();

}  // namespace gauntlet
