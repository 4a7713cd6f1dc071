// What a server does once a handshake completes, learnt with our engine as
// its client at one version below TLS 1.3: whether it resumes by session
// ID and by ticket, answers a client's renegotiation, what it does with
// application data, and whether it serves a second connection while one is
// open. The setup a scenario assumes, measured rather than assumed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "conformance/profile/server_answer.h"
#include "engine/connection/config.h"

namespace gauntlet::conformance {

enum class RenegotiationAnswer {
  completed,  // a second handshake on the connection
  refused,    // a warning no_renegotiation, the connection goes on (RFC 5746 §4.4)
  aborted,    // a fatal alert
  ignored,    // no answer before the deadline
  closed,     // the connection ended without an alert
};

struct SessionFindings {
  ProtocolVersion version;
  CipherSuite suite = CipherSuite::null_with_null_null;  // what the first handshake agreed
  std::optional<std::string> failure = {};  // why no handshake completed; nothing else known then
  bool resumes_by_id = false;
  bool issues_tickets = false;
  bool resumes_by_ticket = false;
  RenegotiationAnswer renegotiation = RenegotiationAnswer::ignored;
  std::string renegotiation_detail = {};  // the alert, when one came
  std::string application_data = {};      // "echoed", "answered (N bytes)", …
  bool concurrent = false;  // a second connection completed while one was open
  std::chrono::milliseconds handshake_time{0};  // the first full handshake, connecting included
};

// `suites`: those the server picked at `version`; the engine offers the ones
// it implements. nullopt when it implements none of them. `client_identity`
// answers a CertificateRequest.
std::optional<SessionFindings> probe_sessions(const Endpoint& server, const std::string& server_name,
                                              ProtocolVersion version,
                                              const std::vector<CipherSuite>& suites,
                                              std::chrono::milliseconds timeout,
                                              const std::optional<Identity>& client_identity);

// One handshake at `version` verifying the server's chain against the
// anchors in `ca_file` and its name against `server_name` (presenting
// `client_identity` if asked): the error says why it does not verify (a
// setup problem, before any case is judged).
Status check_chain(const Endpoint& server, const std::string& server_name, ProtocolVersion version,
                   const std::vector<CipherSuite>& suites, const std::string& ca_file,
                   std::chrono::milliseconds timeout,
                   const std::optional<Identity>& client_identity);

std::string iana_name(RenegotiationAnswer a);

}  // namespace gauntlet::conformance
