// A client command's profile (issue 15): what it offers and does, drawn
// from its own ClientHello and from how it answers our server's
// HelloRequest and CertificateRequest, before any case is judged; so a
// case about something the client lacks is skipped with the reason
// rather than failed. The probes themselves run as cases
// (runner/client_probe.h); this is what they found.
#pragma once

#include <map>
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
  // Our server's CertificateRequest at each version it offers from TLS 1.0
  // up: whether it sent a certificate our server accepted. A client may
  // have one it cannot sign with at a version (libssl's default security
  // level refuses TLS 1.0/1.1's MD5+SHA-1 CertificateVerify), and then
  // sends none there, as RFC 5246 §7.4.6 says it must.
  std::map<ProtocolVersion, bool> sends_certificate = {};
  // Our server presenting a self-signed chain, and one for another name:
  // whether the client refused it, and what it did.
  std::optional<bool> verifies_chain = {};
  std::string verify_detail = {};
  std::optional<bool> verifies_name = {};
  std::string name_detail = {};
  // After a first handshake: whether it closed that connection and
  // connected again (`openssl s_client -reconnect`, `gnutls-cli --resume`),
  // and whether that second connection resumed the session.
  std::optional<bool> reconnects = {};
  std::optional<bool> resumes = {};
  std::string resumption_detail = {};
  // Why nothing could be profiled (it never sent a ClientHello).
  std::optional<std::string> unusable = {};

  ProtocolVersion highest() const;
  // nullopt when not probed at `v`.
  std::optional<bool> sends_certificate_at(ProtocolVersion v) const;
};

// What a ClientHello says of its sender.
void read_client_hello(const ClientHello& hello, ClientProfile& p);

std::string to_text(const ClientProfile& p);
std::string to_json(const ClientProfile& p);

}  // namespace gauntlet::conformance
