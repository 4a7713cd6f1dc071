// What the hellos of one handshake settle, shared by both roles and by the
// extension rows (engine/connection/extensions/), which read and write it
// through HelloScope. What only one phase of one role knows lives in that
// role's phase structs (client_handshake.h, server_handshake.h), not here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/connection/config.h"
#include "engine/connection/message_order.h"
#include "engine/messages/extensions/key_share.h"
#include "engine/messages/extensions/list_extensions.h"
#include "engine/messages/extensions/pre_shared_key.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/registry/cipher_suite.h"
#include "engine/session/session.h"

namespace gauntlet {

// The registry's TLS_NULL_WITH_NULL_NULL.
const CipherSuiteInfo& initial_suite();

struct HelloState {
  // The conditions of the order table's optional rows (message_order.h).
  HandshakeFacts facts;

  ClientHello client_hello;  // what the client offered (ours, as a client)
  ProtocolVersion version = ProtocolVersion::tls12;
  // RFC 5246 §6.1: TLS_NULL_WITH_NULL_NULL until chosen (the server: with
  // its identity or session; the client: at ServerHello). Never null.
  std::reference_wrapper<const CipherSuiteInfo> suite = initial_suite();
  Bytes client_random, server_random, session_id;
  std::optional<Session> offered;  // client: the session it offered
  bool resumed = false;
  // Server, full handshake: the identity it chose, for server_name's answer.
  const Identity* identity = nullptr;

  // Extensions: what their rows read from the peer and agreed on.
  std::optional<std::vector<NamedGroup>> peer_groups;  // server: supported_groups
  std::optional<Bytes> client_ticket;  // server with ticket keys: the client's session_ticket
  std::optional<std::vector<SignatureScheme>> peer_signature_algorithms;  // server: the client's
  // Server: the client's signature_algorithms_cert (RFC 8446 §4.2.3).
  std::optional<std::vector<SignatureScheme>> peer_signature_algorithms_cert;
  bool extended_master_secret = false;
  bool post_handshake_auth = false;  // server: the client offered it (RFC 8446 §4.2.6)
  bool encrypt_then_mac = false;
  bool issue_ticket = false;  // server will send NewSessionTicket
  std::string alpn, server_name;
  std::optional<uint8_t> max_fragment_length;
  std::optional<uint16_t> peer_record_size_limit;
  // TLS 1.3 key_share (RFC 8446 §4.2.8): the shares our hello carries (a
  // client's offer, or the server's one) and the peer's.
  std::vector<KeyShareEntry> our_shares, peer_shares;
  bool offers_tls13 = false;  // client: our ClientHello offers TLS 1.3, with or without shares
  // HelloRetryRequest (RFC 8446 §4.1.4): the group it asks a share for, and
  // its cookie (§4.2.2; empty: none), as the server sent and the client
  // echoes them; the server also keeps the cookie a ClientHello carried.
  std::optional<NamedGroup> retry_group;
  Bytes cookie;
  std::optional<Bytes> peer_cookie;
  // TLS 1.3 PSKs (RFC 8446 §4.2.9, §4.2.11): what a client offered (the
  // server keeps them), the identity the server selected (both sides know
  // it from ServerHello) and the mode it resumes with.
  std::vector<PskKeyExchangeMode> peer_psk_modes;
  std::optional<OfferedPsks> peer_psks;
  std::optional<uint16_t> selected_psk;
  std::optional<PskKeyExchangeMode> psk_mode;
  // 0-RTT (§4.2.10): the client offers early data (client: we do; server:
  // the client does) and the server accepted it.
  bool early_data_offered = false;
  bool early_data_accepted = false;
};

}  // namespace gauntlet
