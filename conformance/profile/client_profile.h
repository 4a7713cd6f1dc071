// A client command's profile (issue 15): what it offers and does, drawn
// from its own ClientHello and from how it answers our server's
// HelloRequest and CertificateRequest, before any case is judged; so a
// case about something the client lacks is skipped with the reason
// rather than failed. The probes themselves run as cases
// (runner/client_probe.h); this is what they found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/messages/handshake/client_hello.h"

namespace gauntlet::conformance {

struct ClientProfile {
  std::string target;
  // From its ClientHello: the legacy version (its highest up to TLS 1.2)
  // and supported_versions (RFC 8446 §4.2.1) where it sends one.
  std::vector<ProtocolVersion> versions = {};
  std::vector<CipherSuite> suites = {};        // in its order, SCSVs aside
  std::vector<ExtensionType> extensions = {};  // in its order
  std::vector<NamedGroup> groups = {};
  std::vector<SignatureScheme> schemes = {};
  bool offers_tickets = false;         // session_ticket (RFC 5077 §3.2)
  bool secure_renegotiation = false;   // renegotiation_info or its SCSV (RFC 5746 §3.4)
  bool compression = false;            // a method other than null
  // Our server's HelloRequest after the handshake: completed, or what it
  // did instead; nullopt when the probe could not tell.
  std::optional<bool> renegotiates = {};
  std::string renegotiation_detail = {};
  // Our server's CertificateRequest: whether it sent a certificate.
  std::optional<bool> sends_certificate = {};
  // Why nothing could be profiled (it never sent a ClientHello).
  std::optional<std::string> unusable = {};

  ProtocolVersion highest() const;
};

// What a ClientHello says of its sender.
void read_client_hello(const ClientHello& hello, ClientProfile& p);

std::string to_text(const ClientProfile& p);
std::string to_json(const ClientProfile& p);

}  // namespace gauntlet::conformance
