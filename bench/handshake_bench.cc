// Handshakes per second in process: each suite and resumption form, TLS 1.2
// and 1.3, for all four pairings of our engine and OpenSSL as client and
// server.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/bench_main.h"
#include "bench/scenario.h"

namespace gauntlet::bench {
namespace {

struct Case {
  const char* name;
  Scenario scenario;
};

const Case kCases[] = {
    {"ecdhe_rsa_aes128_gcm_full", {"ECDHE-RSA-AES128-GCM-SHA256", Resumption::none}},
    {"rsa_aes128_sha_full", {"AES128-SHA", Resumption::none}},
    {"resume_session_id", {"ECDHE-RSA-AES128-GCM-SHA256", Resumption::session_id}},
    {"resume_ticket", {"ECDHE-RSA-AES128-GCM-SHA256", Resumption::ticket}},
    {"tls13_x25519_rsa_full",
     {"TLS_AES_128_GCM_SHA256", Resumption::none, Version::tls13, ServerKey::rsa}},
    {"tls13_x25519_ecdsa_full",
     {"TLS_AES_128_GCM_SHA256", Resumption::none, Version::tls13, ServerKey::ecdsa}},
    {"tls13_psk_dhe_resume",
     {"TLS_AES_128_GCM_SHA256", Resumption::ticket, Version::tls13, ServerKey::rsa}},
};

void run(benchmark::State& state, const Scenario& s, Impl client_impl, Impl server_impl) {
  auto server = server_side(server_impl, s);
  auto client = client_side(client_impl, s);
  if (s.resumption != Resumption::none) {
    auto c = client->connect();
    auto sv = server->connect();
    if (!pump(*c, *sv)) return state.SkipWithError("first handshake failed");
    // TLS 1.3 tickets come after the handshake: libssl takes them in a read.
    c->drain_application_data();
    client->keep_session(*c);
  }
  for (auto _ : state) {
    auto c = client->connect();
    auto sv = server->connect();
    if (!pump(*c, *sv)) return state.SkipWithError("handshake failed");
    // Both clients take the new TLS 1.3 tickets, as before a first read.
    if (s.version == Version::tls13) c->drain_application_data();
    if ((s.resumption != Resumption::none) != c->resumed()) {
      return state.SkipWithError("resumption not as intended");
    }
  }
  state.counters["handshakes_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

void register_benchmarks() {
  for (const Case& c : kCases) {
    for (Impl client : {Impl::ours, Impl::openssl}) {
      for (Impl server : {Impl::ours, Impl::openssl}) {
        const std::string name = std::string("handshake/") + c.name + "/" +
                                 std::string(impl_name(client)) + "_client/" +
                                 std::string(impl_name(server)) + "_server";
        benchmark::RegisterBenchmark(name.c_str(), run, c.scenario, client, server)
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
}

}  // namespace gauntlet::bench
