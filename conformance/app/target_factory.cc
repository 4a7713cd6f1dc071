#include "conformance/app/target_factory.h"

#include "conformance/runner/client_probe.h"
#include "conformance/runner/feature_scan.h"
#include "conformance/targets/external_target.h"
#include "conformance/targets/openssl_target.h"
#include "conformance/targets/process_target.h"
#include "conformance/targets/self_target.h"

namespace gauntlet::conformance {

Result<std::unique_ptr<Target>> make_target(const std::string& spec, const TargetOptions& o) {
  if (spec == "self") return std::unique_ptr<Target>(std::make_unique<SelfTarget>(o.pki));
  if (spec == "openssl") return std::unique_ptr<Target>(std::make_unique<OpenSslTarget>(o.pki));
  if (spec == "openssl-proc" || spec == "gnutls-proc") {
    auto tool = spec == "openssl-proc" ? openssl_tool() : gnutls_tool();
    if (!tool) return std::unique_ptr<Target>(std::make_unique<MissingTarget>(spec));
    return std::unique_ptr<Target>(std::make_unique<ProcessTarget>(std::move(*tool), o.pki));
  }
  if (spec.starts_with("client-cmd:")) {
    const std::string command = spec.substr(11);
    if (command.empty()) return decode_error("client-cmd: needs a command");
    auto client = std::make_unique<ClientCommandTarget>(command);
    ClientProfile profile = profile_client(*client, o.pki, o.timeout);
    return std::unique_ptr<Target>(std::make_unique<ScannedTarget>(std::move(client), o.pki, o.timeout,
                                                                   std::move(profile), o.setup));
  }
  auto hp = net::split_host_port(spec);
  if (!hp) {
    return decode_error("unknown target '" + spec +
                        "' (self, openssl, openssl-proc, gnutls-proc, HOST:PORT, client-cmd:'CMD')");
  }
  PeerFacts facts;
  facts.ca_file = o.no_verify ? "" : o.ca;
  facts.verify = !facts.ca_file.empty();
  facts.server_name = o.sni.empty() ? hp->first : o.sni;
  facts.fixed_clock = false;
  // Unreachable: no profile, and the scan's first handshake says why.
  ProfileOptions probing{.server_name = facts.server_name, .timeout = o.timeout};
  if (stated_to_require_certificate(o.setup)) {
    auto id = o.pki.identity(kDefaultClientCertificate);
    if (!id) return id.error();
    probing.client_identity = std::move(id).value();
  }
  auto profile = profile_server({hp->first, hp->second}, probing);
  // A chain that does not verify would fail or skip every case for a reason
  // that is the setup's, not the server's conformance.
  if (profile && facts.verify && profile->extensions_at) {
    const VersionFinding* v = profile->find(*profile->extensions_at);
    if (auto st = check_chain({hp->first, hp->second}, facts.server_name, v->offered, v->suites,
                              facts.ca_file, o.timeout, probing.client_identity);
        !st) {
      return decode_error(spec + ": its chain does not verify against --ca " + o.ca + " (" +
                          st.error().reason + "); --no-verify runs without verifying");
    }
  }
  return std::unique_ptr<Target>(std::make_unique<ScannedTarget>(
      std::make_unique<ExternalServerTarget>(hp->first, hp->second, spec, facts), o.pki,
      o.timeout, profile ? std::optional(std::move(profile).value()) : std::nullopt, o.setup));
}

}  // namespace gauntlet::conformance
