// The handshake as data (RFC 5246 §7.3, Fig. 1 and 2; RFC 5077 §3.1 for
// NewSessionTicket; RFC 8446 §2 for TLS 1.3), after s2n-tls's state_machine[]: each shape is a script
// of rows (sender, message, condition, and what each role does there: the
// sender's writer produces the message, the receiver's handler takes it). A
// row appears only when its condition holds for this handshake. Anything
// that is not the next row a connection may see is unexpected_message, and
// our own flights are the rows after it that we send: this table is the one
// place that decides both. docs/ARCHITECTURE.md says how TLS 1.3's shapes fit.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

enum class Role { client, server };

class ClientHandshake;  // client_handshake.h
class ServerHandshake;  // server_handshake.h
struct Link;            // handshake_link.h

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
  server_certificate,   // TLS 1.3: not resumed, the server sends its certificate (RFC 8446 §2.2)
  early_data,           // the server accepted 0-RTT data (RFC 8446 §4.2.10)
};

// What one role does at a row: write it (its sender) or handle it (its
// receiver, given the message body, or the ChangeCipherSpec record's).
template <typename Side>
struct RowAction {
  Status (Side::*write)(Link&) = nullptr;
  Status (Side::*handle)(Link&, ByteView body) = nullptr;
};

struct OrderRow {
  Role sender;
  Wire wire;
  Condition when;
  RowAction<ClientHandshake> client;
  RowAction<ServerHandshake> server;
};

// TLS 1.3's 1-RTT handshake is `tls13_full` (RFC 8446 §2, Figure 1);
// `tls13_retry` the same after a HelloRetryRequest (§2.1, Figure 2). A
// resumption from a PSK (§2.2, Figure 3) is either, without the server's
// Certificate and CertificateVerify (Condition::server_certificate).
enum class HandshakeShape { full, abbreviated, tls13_full, tls13_retry };

std::span<const OrderRow> handshake_rows(HandshakeShape shape);

// What a connection knows about the current handshake's conditions. A fact
// this side does not know yet is nullopt: the row is then the peer's choice.
struct HandshakeFacts {
  std::optional<bool> server_key_exchange;
  std::optional<bool> certificate_request;
  std::optional<bool> client_certificate;
  std::optional<bool> new_session_ticket;
  std::optional<bool> server_certificate = std::nullopt;
  std::optional<bool> early_data = std::nullopt;

  std::optional<bool> holds(Condition c) const;
};

// The walk over a script both handshake tables share (this one and SSL 2.0's,
// ssl2/ssl2_order.h): rows whose condition fails are not there, a row whose
// condition this side cannot know yet is the peer's choice and may be
// passed. `is(row)` says whether the message that came is that row.
// Returns the index of the row `sender`'s message is, from `next` on, or
// nullopt when it is not the next row this side may see.
template <typename Row, typename Facts, typename Is>
std::optional<size_t> find_step(std::span<const Row> rows, size_t next, Role sender, Is is,
                                const Facts& facts) {
  for (size_t i = next; i < rows.size(); ++i) {
    const std::optional<bool> present = facts.holds(rows[i].when);
    if (present == false) continue;
    if (rows[i].sender == sender && is(rows[i])) return i;
    if (!present.has_value()) continue;  // the peer may leave it out: look further
    break;
  }
  return std::nullopt;
}

// The index of our next row from `next` on, or nullopt when the peer's turn
// (or the end) comes first; our own rows' conditions are all known.
template <typename Row, typename Facts>
std::optional<size_t> find_next_from(std::span<const Row> rows, size_t next, Role us,
                                     const Facts& facts) {
  for (size_t i = next; i < rows.size(); ++i) {
    const std::optional<bool> present = facts.holds(rows[i].when);
    if (present == false) continue;
    if (rows[i].sender != us || !present.has_value()) return std::nullopt;
    return i;
  }
  return std::nullopt;
}

// A position in the script. Before ServerHello only the hellos are known, so
// the shape is chosen when the server's answer is known.
class MessageOrder {
 public:
  MessageOrder() = default;

  void set_shape(HandshakeShape shape) { shape_ = shape; }
  HandshakeShape shape() const { return shape_; }

  // The next row `sender` may send with these facts: unexpected_message for
  // anything else. Advances past the row on success.
  Result<const OrderRow*> step(Role sender, Wire w, const HandshakeFacts& facts);
  Status accept(Role sender, Wire w, const HandshakeFacts& facts);
  // The next row if `us` sends it now, advanced past; null when the peer's
  // turn (or the end) comes first. Our own rows' conditions are all known.
  const OrderRow* next_from(Role us, const HandshakeFacts& facts);
  // True once the last row has passed.
  bool done() const;
  // The row after which we are, for progress reports.
  std::optional<OrderRow> last() const;

 private:
  HandshakeShape shape_ = HandshakeShape::full;
  size_t next_ = 0;
};

}  // namespace gauntlet
