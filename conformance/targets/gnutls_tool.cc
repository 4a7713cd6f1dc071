// gnutls-serv and gnutls-cli as a target.
#include <array>
#include <cstdio>
#include <sstream>

#include "conformance/targets/process_target.h"
#include "conformance/targets/subprocess.h"
#include "engine/connection/config.h"

namespace gauntlet::conformance {

namespace {

// GnuTLS's NORMAL plus the legacy versions, key exchanges and ciphers our
// scenarios cover; %COMPAT tolerates the odd records old peers send.
constexpr const char* kPriority =
    "NORMAL:+VERS-TLS1.0:+VERS-TLS1.1:+RSA:+DHE-RSA:+DHE-DSS:+SHA1:+SHA256:+SHA384:"
    "+AES-128-CBC:+AES-256-CBC:+3DES-CBC:+ARCFOUR-128:+SIGN-DSA-SHA1:+SIGN-DSA-SHA256:%COMPAT";

// `gnutls-cli -l --priority P` lists each suite as "NAME  0xc0, 0x2f  TLS1.2".
std::set<CipherSuite> listed_suites(const std::string& cli) {
  std::set<CipherSuite> out;
  auto p = Subprocess::spawn({cli, "-l", "--priority", kPriority});
  if (!p || !p->wait_for("Protocols", net::deadline_in(std::chrono::seconds(10)))) return out;
  std::istringstream lines(p->output());
  std::string line;
  while (std::getline(lines, line)) {
    unsigned hi = 0, lo = 0;
    const size_t at = line.find("0x");
    if (at != std::string::npos && std::sscanf(line.c_str() + at, "0x%x, 0x%x", &hi, &lo) == 2) {
      out.insert(static_cast<CipherSuite>(hi << 8 | lo));
    }
  }
  return out;
}

}  // namespace

std::optional<PeerTool> gnutls_tool() {
  const auto serv = find_program("gnutls-serv");
  const auto cli = find_program("gnutls-cli");
  if (!serv || !cli) return std::nullopt;
  PeerTool t;
  t.name = "gnutls-proc";
  t.server_ready = "...done";
  t.suites = listed_suites(*cli);
  // Started without --heartbeat; TLS 1.3 in its priority string.
  t.setup = parse_setup("heartbeat=off,highest=tls1.3", "gnutls-serv").value();
  t.server = [bin = *serv](const Case& c, uint16_t port, const Pki& pki) {
    const std::string id = identity_for(c.suite);
    std::vector<std::string> a{bin, "--port", std::to_string(port), "--echo",
                               "--x509certfile", pki.chain(id), "--x509keyfile", pki.key(id),
                               "--priority", kPriority};
    const SutSettings& sut = c.scenario->sut;
    if (sut.client_auth != ClientAuth::none) {
      a.insert(a.end(), {"--x509cafile", pki.root(), "--verify-client-cert"});
      if (sut.client_auth == ClientAuth::required) a.push_back("--require-client-cert");
    }
    if (!sut.tickets) a.push_back("--noticket");
    if (sut.early_data) {
      a.insert(a.end(), {"--earlydata", "--maxearlydata", std::to_string(kSutMaxEarlyData)});
    }
    return a;
  };
  t.reconnects = ClientReconnects::resume_once;
  t.client = [bin = *cli](const Case& c, uint16_t port, const Pki& pki, const ClientTurn& turn) {
    std::vector<std::string> a{bin, "--port", std::to_string(port), "--sni-hostname", "localhost",
                               "--verify-hostname", "localhost", "--x509cafile", pki.root(),
                               "--x509certfile", pki.chain("client-rsa"),
                               "--x509keyfile", pki.key("client-rsa"), "--priority", kPriority};
    if (c.scenario->connections() > 1) a.push_back("--resume");
    // Sent as 0-RTT data on the resumption.
    if (c.scenario->sut.early_data) a.push_back("--earlydata=" + turn.early_data_file);
    a.push_back("127.0.0.1");
    return a;
  };
  t.cannot_run = [](const Case& c) -> std::optional<std::string> {
    if (c.needs_ssl2()) return "GnuTLS does not speak SSL 2.0";
    if (c.version == ProtocolVersion::ssl3) return "GnuTLS has no SSL 3.0";
    if (c.scenario->sut.renegotiation == RenegotiationPolicy::refuse) {
      return "gnutls-serv and gnutls-cli cannot be told to refuse renegotiation";
    }
    if (c.scenario->sut.hello_retry) return "a GnuTLS server never sends a cookie (lib/ext/cookie.c)";
    return std::nullopt;
  };
  return t;
}

}  // namespace gauntlet::conformance
