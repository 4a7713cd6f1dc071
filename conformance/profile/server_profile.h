// A server's profile (issue: verdicts on a stack we have never seen): what
// it speaks and does, probed with hellos before any case is judged, so a
// case can be skipped for what the server lacks rather than failed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "conformance/profile/drown_probe.h"
#include "conformance/profile/server_answer.h"
#include "conformance/profile/session_probe.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet::conformance {

struct VersionFinding {
  ProtocolVersion offered;
  std::string answer = {};  // what came back to a hello offering it as the highest
  std::optional<ProtocolVersion> answered = {};  // the version of a ServerHello that came back
  bool spoken = false;
  bool silent_or_not_tls = false;    // the answer was silence or bytes that are no TLS
  std::vector<CipherSuite> suites = {};    // the server's picks, in the order it made them
  bool server_order = false;  // it picks by its own preference, not the client's order
  std::vector<Ssl2CipherKind> kinds = {};  // SSL 2.0: the kinds its SERVER-HELLO lists
  bool export_kinds = false;  // SSL 2.0: an export kind among them (a DROWN precondition)
  std::optional<DrownFindings> drown = {};  // SSL 2.0, when spoken: the other preconditions
};

struct ServerProfile {
  std::string target;
  std::vector<VersionFinding> versions = {};  // SSL 2.0 through TLS 1.3
  std::vector<NamedGroup> ecdhe_groups = {};  // TLS 1.2 and below
  std::vector<NamedGroup> tls13_groups = {};
  std::vector<SignatureScheme> tls12_schemes = {};  // it signs ServerKeyExchange with
  std::optional<ProtocolVersion> extensions_at = {};  // the version the next three were asked at
  std::vector<ExtensionType> extensions_asked = {};  // offered in a hello it accepted
  std::vector<ExtensionType> extensions = {};    // answered in its ServerHello
  bool requests_certificate = false;             // CertificateRequest in its first flight
  bool compresses = false;                       // picks DEFLATE when offered (CRIME)
  std::optional<SessionFindings> sessions = {};  // at that version, with our engine
  std::optional<std::string> unusable = {};      // why nothing could be profiled

  const VersionFinding* find(ProtocolVersion v) const;
  bool speaks(ProtocolVersion v) const;
};

struct ProfileOptions {
  std::string server_name;  // SNI (never an address)
  std::chrono::milliseconds timeout{5000};  // per probe
  // What the session probes present when asked for a certificate: a server
  // stated to require one (`--sut client-cert=required`) completes no
  // handshake without it, and its sessions would go unprofiled.
  std::optional<Identity> client_identity = {};
};

// An Error only when the server cannot be reached at all.
Result<ServerProfile> profile_server(const Endpoint& server, const ProfileOptions& options);

std::string to_text(const ServerProfile& p);
std::string to_json(const ServerProfile& p);

}  // namespace gauntlet::conformance
