#include "conformance/runner/client_probe.h"

#include "conformance/runner/executor.h"
#include "conformance/runner/sent_hello.h"

namespace gauntlet::conformance {

namespace {

Scenario probe(std::string name, std::vector<StepKind> steps, ClientAuth ask = ClientAuth::none) {
  Scenario s;
  s.family = "profile";
  s.name = std::move(name);
  s.description = "client profile";
  s.rfc = "RFC 5246 §7.3";
  s.scripted = Role::server;
  s.peer.client_auth = ask;
  int line = 0;
  for (StepKind& k : steps) s.steps.push_back({{"client profile", ++line}, std::move(k)});
  return s;
}

// The bytes the client sent on its first connection, in order.
Bytes from_client(const CaseResult& r) {
  Bytes out;
  for (const WireChunk& w : r.wire)
    if (!w.to_sut && w.connection == 0) out.insert(out.end(), w.bytes.begin(), w.bytes.end());
  return out;
}

}  // namespace

ClientProfile profile_client(const Target& client, const Pki& pki, std::chrono::milliseconds timeout) {
  ClientProfile p;
  p.target = client.name();
  RunSettings settings;
  settings.pki = pki;
  settings.timeout = timeout;
  // Two suites nearly every client speaks, one of them forward secret; the
  // ClientHello comes whichever our server could pick.
  const Scenario plain = probe("plain", {HandshakeStep{}});
  std::optional<Case> spoken;
  std::string last;
  for (const CipherSuite suite : {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256,
                                  CipherSuite::rsa_with_aes_128_cbc_sha}) {
    const Case c{&plain, ProtocolVersion::tls12, suite};
    const CaseResult r = run_case(c, client, settings);
    if (p.versions.empty() && p.suites.empty()) {
      if (const auto hello = sent_client_hello(from_client(r))) read_client_hello(*hello, p);
    }
    if (r.verdict == Verdict::pass) {
      spoken = c;
      break;
    }
    last = r.reason;
  }
  if (p.suites.empty() && p.versions.empty()) {
    p.unusable = "it sent no ClientHello our server could read (" + last + ")";
    return p;
  }
  if (!spoken) return p;  // no handshake to build the other probes on

  RenegotiateStep renegotiate;
  const Scenario again = probe("renegotiation", {HandshakeStep{}, renegotiate});
  const CaseResult r = run_case({&again, spoken->version, spoken->suite}, client, settings);
  p.renegotiates = r.verdict == Verdict::pass;
  p.renegotiation_detail = r.verdict == Verdict::pass ? "" : r.response.empty() ? r.reason : r.response;

  const Scenario asked = probe("certificate", {HandshakeStep{}}, ClientAuth::required);
  p.sends_certificate = run_case({&asked, spoken->version, spoken->suite}, client, settings).verdict ==
                        Verdict::pass;
  return p;
}

}  // namespace gauntlet::conformance
