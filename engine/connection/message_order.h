// The order of handshake messages, as data (RFC 5246 §7.3, Fig. 1 and 2;
// RFC 5077 §3.1 for NewSessionTicket). Each handshake follows one of two
// scripts; a row appears only when its condition holds for this handshake.
// Anything that is not the next row a connection may see is
// unexpected_message: this table is the one place that decides it.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "engine/base/error.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

enum class Role { client, server };

// A handshake message, or the ChangeCipherSpec record between them.
struct Wire {
  std::optional<HandshakeType> message;  // nullopt: ChangeCipherSpec
  bool operator==(const Wire&) const = default;
};
inline constexpr Wire kChangeCipherSpec{};
constexpr Wire wire(HandshakeType t) { return Wire{t}; }
std::string wire_name(Wire w);

// What decides whether an optional row is present. Each is a fact of this
// handshake that one side knows before the row is due; `peer_choice` rows
// are the sender's decision alone, so the receiver accepts either.
enum class Condition {
  always,
  server_key_exchange,  // DHE and ECDHE suites (RFC 5246 §7.4.3)
  certificate_request,  // the server asks for a client certificate
  client_certificate,   // the client's Certificate was not empty (§7.4.8)
  new_session_ticket,   // the server acknowledged session_ticket (RFC 5077 §3.2)
};

struct OrderRow {
  Role sender;
  Wire wire;
  Condition when;
};

enum class HandshakeShape { full, abbreviated };

std::span<const OrderRow> handshake_rows(HandshakeShape shape);

// What a connection knows about the current handshake's conditions. A fact
// this side does not know yet is nullopt: the row is then the peer's choice.
struct HandshakeFacts {
  std::optional<bool> server_key_exchange;
  std::optional<bool> certificate_request;
  std::optional<bool> client_certificate;
  std::optional<bool> new_session_ticket;

  std::optional<bool> holds(Condition c) const;
};

// A position in the script. Before ServerHello only the hellos are known, so
// the shape is chosen when the server's answer is known.
class MessageOrder {
 public:
  MessageOrder() = default;

  void set_shape(HandshakeShape shape) { shape_ = shape; }
  HandshakeShape shape() const { return shape_; }

  // The next row `sender` may send with these facts: unexpected_message for
  // anything else. Advances past the row on success.
  Status accept(Role sender, Wire w, const HandshakeFacts& facts);
  // True once the last row has passed.
  bool done() const;
  // The row after which we are, for progress reports.
  std::optional<OrderRow> last() const;

 private:
  HandshakeShape shape_ = HandshakeShape::full;
  size_t next_ = 0;
};

}  // namespace gauntlet
