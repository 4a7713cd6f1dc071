// The SSL 2.0 handshake as data (SSL 2.0 spec §2.2–2.4, appendix C), in the
// row form of message_order.h: SSLv2 message types are not HandshakeType,
// so its rows and their script are their own. One script covers both
// shapes: CLIENT-MASTER-KEY is present only without SESSION-ID-HIT, and the
// REQUEST-CERTIFICATE / CLIENT-CERTIFICATE pair only when the server asks.
// A peer's message that is not the next row is unexpected_message; our own
// flights are the rows after it that we send.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "engine/base/error.h"
#include "engine/connection/message_order.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

class Ssl2ClientHandshake;  // ssl2_client.h
class Ssl2ServerHandshake;  // ssl2_server.h

enum class Ssl2Condition {
  always,
  new_session,         // SERVER-HELLO's SESSION-ID-HIT was 0
  client_certificate,  // the server sends REQUEST-CERTIFICATE
};

struct Ssl2Link;  // ssl2_handshake.h

// What one role does at a row, as RowAction (message_order.h) over Ssl2Link.
template <typename Side>
struct Ssl2RowAction {
  Status (Side::*write)(Ssl2Link&) = nullptr;
  Status (Side::*handle)(Ssl2Link&, ByteView message) = nullptr;
};

struct Ssl2OrderRow {
  Role sender;
  Ssl2MessageType message;
  Ssl2Condition when;
  Ssl2RowAction<Ssl2ClientHandshake> client;
  Ssl2RowAction<Ssl2ServerHandshake> server;
};

std::span<const Ssl2OrderRow> ssl2_handshake_rows();

// What this side knows of the conditions; nullopt rows are the peer's
// choice (the client learns of REQUEST-CERTIFICATE only when it arrives).
struct Ssl2Facts {
  std::optional<bool> session_id_hit;
  std::optional<bool> request_certificate;

  std::optional<bool> holds(Ssl2Condition c) const;
};

class Ssl2Order {
 public:
  // The row `sender`'s `type` is, advanced past; unexpected_message if it is
  // not the next row this side may see.
  Result<const Ssl2OrderRow*> step(Role sender, Ssl2MessageType type, const Ssl2Facts& facts);
  // Our next row, advanced past; null when the peer's turn or the end comes.
  const Ssl2OrderRow* next_from(Role us, const Ssl2Facts& facts);
  bool done() const;
  // "CLIENT-FINISHED from client", "start" before the first row.
  std::string progress() const;

 private:
  size_t next_ = 0;
};

}  // namespace gauntlet
