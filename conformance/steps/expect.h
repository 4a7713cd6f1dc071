// What the SUT must do in answer to a step, and judging what it did. A
// refusal with another alert than the RFC names is "lenient", not "pass",
// so a run can gate on the strict or on the lenient level. Outcomes the RFC
// also permits are listed with the step, each with the RFC's words; one
// that departs only from a SHOULD is a warning, never a FAIL.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "conformance/scenario/yaml_reader.h"
#include "engine/base/alert.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet::conformance {

enum class Verdict {
  pass,     // every step as the scenario expects
  lenient,  // the SUT refused as it must, but not with the alert the RFC names
  fail,
  skip,     // the target cannot run it (why is in `reason`)
  error,    // the SUT could not be started or reached
  // The case's deviation never reached the wire (the SUT never asked for
  // the message we garble, declined the renegotiation it rides in): the
  // SUT's answer says nothing about it, so it is judged neither way.
  not_delivered,
  // What the SUT did is allowed, but departs from a SHOULD (an accepted
  // outcome marked `breaks_should`): reported apart, never a regression.
  warning,
};

std::string verdict_name(Verdict v);

struct Accepted;

struct Expect {
  enum class Kind {
    success,       // the handshake completes (and agrees, where we can see both sides)
    data,          // application data comes back
    alert,         // a fatal alert, one of `alerts`
    failure,       // any fatal alert or a closed connection
    close_notify,  // the SUT answers close_notify with its own
    nothing,       // the connection stays up and the SUT sends no alert
    refused,       // renegotiation: declined (no_renegotiation), the connection up
    message,       // the SUT has sent this handshake message in this handshake
    not_resumed,   // a full handshake, or an abort with one of `alerts`
    fatal_alert,   // any fatal alert
    closed,        // the connection closed without a fatal alert
    rejected,      // a fatal alert or a close before any handshake message of the SUT
    // TLS 1.3: the SUT server answered our second ClientHello with another
    // HelloRetryRequest, on which our client aborts (RFC 8446 §4.1.4).
    another_retry,
  };
  Kind kind = Kind::success;
  // The alert the RFC names; several where it leaves the choice between them
  // (a ChangeCipherSpec of two bytes: decode_error or unexpected_message).
  // not_resumed: the aborts allowed besides a full handshake.
  std::vector<AlertDescription> alerts;
  std::optional<HandshakeType> message;
  std::optional<bool> resumed;  // handshake steps
  // TLS 1.3: the server took our 0-RTT data, or the client's (RFC 8446
  // §4.2.10: early_data in EncryptedExtensions).
  std::optional<bool> early_data;
  // What else the RFC permits here, tried in order when the above fails.
  std::vector<Accepted> accepted;
};

// An outcome the RFC also permits, with the sentence that permits it.
struct Accepted {
  Expect outcome;
  bool breaks_should = false;  // permitted, but against a SHOULD: a warning
  std::string because;         // the RFC's words
};

// Application data our client sent a SUT server that stayed silent where
// it had to end the connection, the server being known to answer data
// (runner/executor.cc): what it drew.
enum class Probe {
  none,        // not sent
  answered,    // data came back: the connection went on
  unanswered,  // silence again: the TLS connection is over, though not closed
  refused,     // an alert or a close
};

// What a step left behind, from our scripted peer's side.
struct Seen {
  bool step_done = false;  // the step's own goal (handshake complete, ...)
  bool resumed = false;
  bool early_data = false;  // 0-RTT data taken in the last handshake
  int handshakes = 0;
  bool handshaking = false;
  std::optional<AlertDescription> sut_alert;  // a fatal alert from the SUT
  bool close_notify = false;
  bool sut_closed = false;  // the SUT closed the connection
  bool alive = true;
  bool silent = false;      // the wait ended in a timeout
  bool busy = false;        // ... while the SUT was still sending
  bool data = false;        // application data arrived
  std::optional<std::string> scripted_error;  // our side gave up first
  std::vector<HandshakeType> messages;        // from the SUT in this handshake
  // HelloRetryRequests the SUT server sent on this connection, as read off
  // the wire (our client aborts on a second one, RFC 8446 §4.1.4).
  int hello_retries = 0;
  Probe probe = Probe::none;
  // The probe went out as soon as our step was on the wire rather than
  // after silence (executor.cc: the case's last step).
  bool probed_at_once = false;
};

// Where a step's wait stands, checked after every arrival.
struct WaitState {
  bool step_done = false;
  bool data = false;
  bool close_notify = false;
  bool handshaking = false;
  std::span<const HandshakeType> messages;
};

struct Judgement {
  Verdict verdict = Verdict::pass;
  std::string detail;
  // An accepted outcome settled the case: the steps after it were written
  // for the expected one, so they are not run.
  bool settled = false;
};

// Whether the wait for `e` can end before its deadline: the SUT has done
// what `e` asks for (an alert or a close ends every wait anyway).
bool met(const Expect& e, const WaitState& now);
// Whether nothing the SUT does while going on meets `e`: only a refusal,
// a close or the deadline ends its wait.
bool only_refusal_ends(const Expect& e);
// "nothing" holds once the SUT stays quiet, so its wait is the short one.
inline bool waits_for_quiet(const Expect& e) { return e.kind == Expect::Kind::nothing; }

Judgement judge(const Expect& e, const Seen& seen);
std::string describe(const Expect& e);
std::string describe(const Seen& s);
// " (expect ...)", as a step's description ends.
inline std::string expecting(const Expect& e) { return " (expect " + describe(e) + ")"; }

// `accepted` or `rejected`: whether 0-RTT data is to be taken.
bool read_early_data_taken(const YamlReader& r, const YAML::Node& n);

// A step's expectation: `{..., expect: X}` or a bare X (`success`,
// `{alert: name}`, `{early_data: rejected}`: a handshake that completes
// with 0-RTT data refused), `fallback` when the step names none; then its
// `accept:` list, each `{outcome: X, because: "RFC words", breaks_should}`.
Expect read_expectation(const YamlReader& r, const YAML::Node& body, Expect::Kind fallback);
// An expectation written as a mapping, {alert: name} or {message: name}, as
// opposed to a mapping of a step's own options.
bool is_expect_map(const YAML::Node& n);
// The same for a step whose only options are `expect` and its `accept:`.
Expect read_expect_only(const YamlReader& r, const YAML::Node& body, Expect::Kind fallback);

}  // namespace gauntlet::conformance
