#include "conformance/runner/client_probe.h"

#include <algorithm>

#include "conformance/runner/executor.h"
#include "conformance/runner/sent_hello.h"

namespace gauntlet::conformance {

namespace {

Scenario probe(std::string name, std::vector<StepKind> steps, ClientAuth ask = ClientAuth::none,
               std::string identity = {}) {
  Scenario s;
  s.family = "profile";
  s.name = std::move(name);
  s.description = "client profile";
  s.rfc = "RFC 5246 §7.3";
  s.scripted = Role::server;
  s.peer.client_auth = ask;
  s.peer.identity = std::move(identity);
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

  // At each version it offers: a client may hold a certificate it cannot
  // sign with at one of them, and then sends none there (RFC 5246 §7.4.6).
  const Scenario asked = probe("certificate", {HandshakeStep{}}, ClientAuth::required);
  const auto offers = [&p](auto list, auto value) { return std::ranges::find(list, value) != list.end(); };
  for (const ProtocolVersion v : p.versions) {
    if (v < ProtocolVersion::tls10) continue;
    const CipherSuite suite = v == ProtocolVersion::tls13                       ? CipherSuite::aes_128_gcm_sha256
                              : v == spoken->version                           ? spoken->suite
                              : offers(p.suites, CipherSuite::rsa_with_aes_128_cbc_sha) ? CipherSuite::rsa_with_aes_128_cbc_sha
                                                                                : spoken->suite;
    if (!offers(p.suites, suite)) continue;
    p.sends_certificate[v] = run_case({&asked, v, suite}, client, settings).verdict == Verdict::pass;
  }

  // A chain no trust store holds, and a trusted one for elsewhere.example:
  // a client that completes the handshake does not refuse what the
  // certificates family presents (RFC 5280 §6, RFC 6125 §6).
  const auto refuses = [&](const char* name, const char* identity, std::string& detail) {
    const Scenario presented = probe(name, {HandshakeStep{}}, ClientAuth::none, identity);
    const CaseResult r = run_case({&presented, spoken->version, spoken->suite}, client, settings);
    if (r.verdict != Verdict::pass) detail = r.response.empty() ? r.reason : r.response;
    return r.verdict != Verdict::pass;
  };
  // A second connection after the first handshake, offering its session:
  // the probe waits one `timeout` for it (RFC 5246 §7.3 abbreviated handshake).
  ReconnectStep again_resumed;
  again_resumed.resume = true;
  HandshakeStep resumed;
  resumed.expect.resumed = true;
  const Scenario twice = probe("resumption", {HandshakeStep{}, again_resumed, resumed});
  const CaseResult second = run_case({&twice, spoken->version, spoken->suite}, client, settings);
  // Step 2 is the reconnect: failing there, no second connection came.
  p.reconnects = second.verdict == Verdict::pass || second.where.line > 2;
  if (*p.reconnects) {
    p.resumes = second.verdict == Verdict::pass;
    p.resumption_detail = second.verdict == Verdict::pass ? "" : second.reason;
  }

  p.verifies_chain = refuses("untrusted-chain", "self-signed", p.verify_detail);
  p.verifies_name = refuses("wrong-name", "server-wrong-name", p.name_detail);
  return p;
}

}  // namespace gauntlet::conformance
