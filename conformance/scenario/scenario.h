// A conformance scenario as read from conformance/scenarios/*.yaml: what our
// scripted peer does, step by step, and what the system under test (SUT)
// must answer each time. A family file holds many scenarios; each expands
// over versions and suites into cases (expand.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/base/alert.h"
#include "engine/connection/bugs.h"
#include "engine/connection/config.h"
#include "engine/connection/message_order.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/content_type.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/version.h"

namespace gauntlet::conformance {

// Where a value came from, for every error message.
struct SourceLine {
  std::string file;
  int line = 0;
  std::string to_string() const { return file + ":" + std::to_string(line); }
};

// What the SUT must do in answer to a step.
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
  };
  Kind kind = Kind::success;
  // The alert the RFC names; several where it leaves the choice between them
  // (a ChangeCipherSpec of two bytes: decode_error or unexpected_message).
  // not_resumed: the aborts allowed besides a full handshake.
  std::vector<AlertDescription> alerts;
  std::optional<HandshakeType> message;
  std::optional<bool> resumed;  // handshake steps
};

struct Step {
  enum class Kind {
    handshake,    // run (or finish) the handshake
    exchange,     // a request from the client side, an answer from the server side
    send,         // application data from the scripted side
    tamper,       // change the next record of a type after it is sealed
    record,       // a record of our choosing, protected or raw
    alert,        // an alert of our choosing
    renegotiate,  // the scripted side starts a new handshake
    reconnect,    // a new connection, offering the last session
    close,        // close_notify from the scripted side
    wait,         // only wait for the SUT
  };
  Kind kind = Kind::handshake;
  SourceLine where;
  Expect expect;
  Bytes data;                     // send / record body
  ContentType record_type = ContentType::application_data;
  bool raw = false;               // record: no protection, header written as is
  std::optional<uint16_t> record_version;
  RecordTamper tamper{};
  bool resume = true;             // reconnect
  // reconnect: what the next connection changes (RFC 5246 §7.4.1.2 lets a
  // client resume while offering other suites or versions).
  std::optional<Bugs> bugs;
  std::vector<CipherSuite> suites;
  std::optional<ProtocolVersion> min_version, max_version;
  std::optional<bool> extended_master_secret;
  uint8_t alert_level = 1;
  uint8_t alert_description = 0;
  int repeat = 1;                 // record / alert: sent this many times
  bool start_only = false;        // renegotiate: send the hello, wait for nothing
};

// How the SUT must be configured for the scenario; a target that cannot be
// configured skips scenarios that need anything but the defaults.
struct SutSettings {
  ClientAuth client_auth = ClientAuth::none;
  bool tickets = true;
  RenegotiationPolicy renegotiation = RenegotiationPolicy::secure;
  bool operator==(const SutSettings&) const = default;
};

// Our scripted peer's settings beyond the case's version and suite.
struct PeerSettings {
  std::string identity;            // server: a test PKI name; empty: by suite
  std::string client_certificate;  // client: a test PKI name to offer
  ClientAuth client_auth = ClientAuth::none;  // server: asks the SUT client for one
  std::optional<ProtocolVersion> min_version, max_version;  // default: the case's
  std::vector<CipherSuite> extra_suites;  // offered after the case's suite
  bool extended_master_secret = true;
  bool encrypt_then_mac = true;
  bool renegotiation_info = true;
  bool tickets = true;
  bool fallback_scsv = false;
  bool sslv2_hello = false;
  std::optional<uint8_t> max_fragment_length;
  std::optional<uint16_t> record_size_limit;
  std::optional<std::string> server_name;  // default: the target's (localhost)
  std::vector<std::string> alpn;
  std::vector<NamedGroup> groups;
  std::vector<SignatureScheme> signature_schemes;
};

struct Scenario {
  std::string family;
  std::string name;
  std::string description;
  std::string rfc;
  SourceLine where;
  Role scripted = Role::client;  // the role our side plays; the SUT plays the other
  std::vector<ProtocolVersion> versions;
  std::vector<CipherSuite> suites;  // after selectors are resolved
  SutSettings sut;
  PeerSettings peer;
  Bugs bugs;
  std::vector<Step> steps;
  // Every scenario naming this group must draw the same response from a
  // target at each version and suite: an oracle such as Bleichenbacher's
  // needs only a difference, whichever alerts are sent.
  std::string same_response;

  std::string id() const { return family + "/" + name; }
  int connections() const;  // 1 + reconnect steps
};

}  // namespace gauntlet::conformance
