// gauntlet scan HOST:PORT: a server's profile from probe hellos (versions
// SSL 2.0–TLS 1.3 with the suites it picks, groups, the extensions it
// answers, whether it asks for a certificate), before any case is judged.
#include <cstdio>
#include <fstream>
#include <string>

#include "cli/commands.h"
#include "conformance/profile/server_profile.h"

namespace gauntlet::cli {
namespace {

struct ScanOptions {
  std::string target, sni, json;
  std::string cert, key;  // a client identity, for a server that requires one
  int timeout_ms = 5000;
};

int run(const ScanOptions& o) {
  auto target = net::split_host_port(o.target);
  if (!target) {
    std::fprintf(stderr, "gauntlet scan: %s\n", target.error().reason.c_str());
    return kUsageError;
  }
  const auto& [host, port] = *target;
  conformance::ProfileOptions probing{.server_name = o.sni.empty() ? host : o.sni,
                                      .timeout = std::chrono::milliseconds(o.timeout_ms)};
  if (!o.cert.empty()) {
    auto id = load_identity(o.cert, o.key);
    if (!id) {
      std::fprintf(stderr, "gauntlet scan: %s\n", id.error().reason.c_str());
      return kUsageError;
    }
    probing.client_identity = std::move(id).value();
  }
  auto profile = conformance::profile_server({host, port}, probing);
  if (!profile) {
    std::fprintf(stderr, "gauntlet scan: %s: %s\n", o.target.c_str(),
                 profile.error().reason.c_str());
    return 1;
  }
  std::printf("%s", conformance::to_text(*profile).c_str());
  if (!o.json.empty()) {
    std::ofstream f(o.json);
    if (!(f << conformance::to_json(*profile))) {
      std::fprintf(stderr, "gauntlet scan: cannot write %s\n", o.json.c_str());
      return kUsageError;
    }
  }
  return profile->unusable ? 1 : 0;
}

}  // namespace

Command add_scan_command(CLI::App& app) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* sub = app.add_subcommand(
      "scan", "Profile a server with probe hellos: versions and suites, groups, answered "
              "extensions, certificate request (exit 1 if unreachable or it speaks no version)");
  sub->add_option("TARGET", o->target, "HOST:PORT")->required();
  sub->add_option("--sni", o->sni, "server name to send (default: TARGET's host unless an address)");
  sub->add_option("--timeout", o->timeout_ms, "milliseconds to wait for each answer")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  sub->add_option("--json", o->json, "also write the profile as JSON here");
  auto* cert = sub->add_option("--cert", o->cert,
                               "client certificate chain (PEM) the session probes present when asked");
  sub->add_option("--key", o->key, "its private key (PEM)")->needs(cert);
  cert->needs(sub->get_option("--key"));
  return {sub, [o] { return run(*o); }};
}

}  // namespace gauntlet::cli
