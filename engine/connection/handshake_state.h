// The state of one handshake, from ClientHello to the second Finished. A
// renegotiation starts a fresh one; the connection keeps only what
// Negotiated records.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/connection/connection.h"
#include "engine/crypto/hash.h"
#include "engine/record/protection.h"

namespace gauntlet {

struct Connection::Handshake {
  MessageOrder order;
  HandshakeFacts facts;
  Transcript transcript;

  ClientHello client_hello;  // what the client offered (ours, as a client)
  bool ssl2_hello = false;   // it came in SSL 2.0 form (RFC 5246 E.2)
  ProtocolVersion version = ProtocolVersion::tls12;
  const CipherSuiteInfo* suite = nullptr;
  Bytes client_random, server_random, session_id;
  std::optional<Session> offered;  // client: the session it offered
  bool resumed = false;

  // Key exchange.
  const Identity* identity = nullptr;  // ours: server key, client certificate
  std::optional<EphemeralKey> ephemeral;
  std::optional<NamedGroup> group;
  std::optional<DhParams> dh;        // DHE: the server's parameters
  Bytes peer_public;                 // the server's ephemeral public value
  std::optional<SignatureScheme> server_signature_scheme;
  std::optional<SignatureScheme> client_signature_scheme;  // CertificateVerify
  std::optional<std::vector<SignatureScheme>> peer_signature_algorithms;  // server: the client's
  std::vector<Certificate> peer_chain;
  std::optional<CertificateRequest> certificate_request;  // client: the server's
  Bytes master_secret;

  // Extensions: what their rows (engine/connection/extensions/) read from
  // the peer and agreed on.
  std::optional<std::vector<NamedGroup>> peer_groups;  // server: supported_groups
  std::optional<Bytes> client_ticket;  // server with ticket keys: the client's session_ticket
  bool extended_master_secret = false;
  bool encrypt_then_mac = false;
  bool issue_ticket = false;  // server will send NewSessionTicket
  Bytes new_ticket;           // client: the ticket the server sent
  uint32_t ticket_lifetime = 0;
  std::string alpn, server_name;
  std::optional<uint8_t> max_fragment_length;
  std::optional<uint16_t> peer_record_size_limit;

  // Keys for after ChangeCipherSpec, each direction its own.
  std::unique_ptr<RecordProtection> pending_read, pending_write;
  bool peer_ccs_seen = false;  // application data waits for Finished
};

}  // namespace gauntlet
