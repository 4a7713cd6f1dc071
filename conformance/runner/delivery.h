// Whether a case's deviation reached the wire. A case tests what it
// claims only if the SUT was sent what the case is about: the message a
// `bugs` knob garbles must have gone out (a server never sends the
// NewSessionTicket it garbles to a client that asked for none), an armed
// `tamper` must have found its record, a resuming hello must offer the
// session. Otherwise the case is "not delivered", judged neither way.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/connection/bugs.h"
#include "engine/registry/handshake_type.h"
#include "engine/connection/message_order.h"

namespace gauntlet::conformance {

// A message of ours: a handshake message, or an SSL 2.0 one (their types
// are apart: engine/registry/handshake_type.h).
using OurMessage = std::variant<HandshakeType, Ssl2MessageType>;
std::string message_name(OurMessage m);

// A knob that is on, and the message of ours it rides in.
struct Carrier {
  std::string_view knob;
  OurMessage message;
};

// The carriers of `bugs` when our side plays `ours`. Knobs on every record
// (record_version, handshake_fragment, coalesce_handshake) ride in the
// first one and need no check.
std::vector<Carrier> carriers(const Bugs& bugs, Role ours);
// Whether `carriers` knows the message this `bugs` key rides in.
bool rides_in_a_message(std::string_view knob);

class DeliveryLog {
 public:
  // From now on our side carries `bugs` (a case's, then a reconnection's).
  void carry(const Bugs& bugs, Role ours);
  // Our side reached this message (sent, or skipped on purpose).
  void sent(OurMessage type);
  // A deviation the runner saw fail to go out (why).
  void missed(std::string why);
  // A deviation is already known not to have gone out.
  bool missing_now() const { return missed_.has_value(); }
  // The first deviation that did not reach the wire, if any.
  std::optional<std::string> missing() const;

 private:
  struct Span {
    std::vector<Carrier> need;
    std::set<OurMessage> sent;
  };
  std::vector<Span> spans_;
  std::optional<std::string> missed_;
};

}  // namespace gauntlet::conformance
