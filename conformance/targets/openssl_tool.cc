// openssl s_server and s_client as a target (RFC-level behaviour is
// libssl's; the tools add only their own framing around it).
#include "conformance/targets/openssl_target.h"
#include "conformance/targets/process_target.h"
#include "engine/connection/config.h"

namespace gauntlet::conformance {

std::optional<PeerTool> openssl_tool() {
  const auto openssl = find_program("openssl");
  if (!openssl) return std::nullopt;
  PeerTool t;
  t.name = "openssl-proc";
  t.server_ready = "ACCEPT";
  t.suites = libssl_suites();
  // s_server speaks TLS 1.3 too: a TLS 1.2 hello is below its highest.
  t.setup = libssl_setup();
  t.setup.highest = Fact<ProtocolVersion>{ProtocolVersion::tls13, "s_server"};
  t.server = [bin = *openssl](const Case& c, uint16_t port, const Pki& pki) {
    const std::string id = identity_for(c.suite);
    std::vector<std::string> a{bin, "s_server", "-accept", std::to_string(port), "-4",
                               "-cert", pki.dir + "/" + id + ".pem", "-key", pki.key(id),
                               "-cert_chain", pki.dir + "/intermediate-ca.pem",
                               "-cipher", kOpenSslAllCiphers, "-ciphersuites", kOpenSslTls13Suites,
                               "-rev"};
    const SutSettings& sut = c.scenario->sut;
    if (sut.client_auth != ClientAuth::none) {
      a.insert(a.end(), {sut.client_auth == ClientAuth::required ? "-Verify" : "-verify", "4",
                         "-CAfile", pki.root(), "-verify_return_error"});
    }
    if (!sut.tickets) a.push_back("-no_ticket");
    a.push_back(sut.renegotiation == RenegotiationPolicy::refuse ? "-no_renegotiation"
                                                                 : "-client_renegotiation");
    return a;
  };
  // One s_client per connection, the session carried in a file: -reconnect
  // closes each connection as soon as its handshake is done.
  t.reconnects = ClientReconnects::run_per_connection;
  t.client = [bin = *openssl](const Case& c, uint16_t port, const Pki& pki, const ClientTurn& turn) {
    std::vector<std::string> a{bin, "s_client", "-connect", "127.0.0.1:" + std::to_string(port),
                               "-servername", "localhost", "-verify_hostname", "localhost",
                               "-CAfile", pki.root(), "-verify_return_error",
                               "-cert", pki.dir + "/client-rsa.pem", "-key", pki.key("client-rsa"),
                               "-cert_chain", pki.dir + "/intermediate-ca.pem",
                               "-ign_eof"};
    // The case's suite alone, in the list of its version.
    if (c.version == ProtocolVersion::tls13) {
      a.insert(a.end(), {"-cipher", kOpenSslAllCiphers, "-ciphersuites", openssl_name(c.suite)});
    } else {
      a.insert(a.end(), {"-cipher", openssl_name(c.suite) + ":@SECLEVEL=0"});
    }
    if (c.scenario->connections() > 1) a.insert(a.end(), {"-sess_out", turn.session_out});
    if (turn.session_in) a.insert(a.end(), {"-sess_in", *turn.session_in});
    // s_client sends the file as 0-RTT data when the session allows it.
    if (turn.session_in && c.scenario->sut.early_data) {
      a.insert(a.end(), {"-early_data", turn.early_data_file});
    }
    if (c.scenario->sut.renegotiation == RenegotiationPolicy::refuse) a.push_back("-no_renegotiation");
    return a;
  };
  t.cannot_run = [](const Case& c) -> std::optional<std::string> {
    if (c.needs_ssl2()) return "OpenSSL 3 does not speak SSL 2.0 (removed in 1.1.0)";
    if (c.version == ProtocolVersion::ssl3) return "Debian's OpenSSL 3 has no SSL 3.0";
    if (c.scenario->sut.early_data && c.scenario->scripted == Role::client) {
      return "s_server reads 0-RTT data only without -rev, the echo the cases' exchanges need "
             "(libssl's 0-RTT server is judged in process, by the openssl target)";
    }
    // s_server's -stateless is applied only outside -rev (rev_body never
    // calls SSL_stateless), and only until one handshake has used it.
    if (c.scenario->sut.hello_retry) {
      return "s_server -rev sends no cookie (-stateless works only outside -rev, once a process)";
    }
    return std::nullopt;
  };
  return t;
}

}  // namespace gauntlet::conformance
