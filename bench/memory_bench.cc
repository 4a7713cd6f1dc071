// Memory per connection, ours against OpenSSL's: the bytes each side still
// holds once the handshake is over and the connection sits idle, and the
// most it held at once during the handshake. Every allocation is charged to
// the side that made it (alloc_hook.h); the shared Config or SSL_CTX is not.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/alloc_hook.h"
#include "bench/bench_main.h"
#include "bench/scenario.h"

namespace gauntlet::bench {
namespace {

constexpr int kClient = 1;
constexpr int kServer = 2;

// The handshake under test: no session cache and no tickets, so that what a
// side holds is the connection alone.
const Scenario kScenario{
    .suite = "ECDHE-RSA-AES128-GCM-SHA256", .resumption = Resumption::none, .session_cache = false};

// pump(), with every call charged to the side it runs in.
bool charged_pump(Endpoint& client, Endpoint& server) {
  for (int round = 0; round < 16; ++round) {
    Bytes to_server, to_client;
    {
      ScopedOwner owner(kClient);
      to_server = client.take_output();
    }
    if (!to_server.empty()) {
      ScopedOwner owner(kServer);
      server.receive(to_server);
      to_client = server.take_output();
    }
    if (!to_client.empty()) {
      ScopedOwner owner(kClient);
      client.receive(to_client);
    }
    if (to_server.empty() && to_client.empty()) break;
  }
  return client.established() && server.established() && !client.failed() && !server.failed();
}

void run(benchmark::State& state, Impl impl) {
  if (!crypto_hooks_installed()) return state.SkipWithError("OpenSSL allocations not hooked");
  auto server = server_side(impl, kScenario);
  auto client = client_side(impl, kScenario);
  {
    // Lazy one-time state (fetched algorithms, tables) is the library's, not
    // a connection's: made here, uncharged.
    auto c = client->connect();
    auto sv = server->connect();
    if (!pump(*c, *sv)) return state.SkipWithError("handshake failed");
  }
  double client_idle = 0, server_idle = 0, client_peak = 0, server_peak = 0;
  for (auto _ : state) {
    const int64_t client_base = owner_bytes(kClient).live;
    const int64_t server_base = owner_bytes(kServer).live;
    reset_peak(kClient);
    reset_peak(kServer);
    std::unique_ptr<Endpoint> c, sv;
    {
      ScopedOwner owner(kClient);
      c = client->connect();
    }
    {
      ScopedOwner owner(kServer);
      sv = server->connect();
    }
    if (!charged_pump(*c, *sv)) return state.SkipWithError("handshake failed");
    client_idle += static_cast<double>(owner_bytes(kClient).live - client_base);
    server_idle += static_cast<double>(owner_bytes(kServer).live - server_base);
    client_peak += static_cast<double>(owner_bytes(kClient).peak - client_base);
    server_peak += static_cast<double>(owner_bytes(kServer).peak - server_base);
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["client_idle_bytes"] = client_idle / n;
  state.counters["server_idle_bytes"] = server_idle / n;
  state.counters["client_peak_bytes"] = client_peak / n;
  state.counters["server_peak_bytes"] = server_peak / n;
}

}  // namespace

void register_benchmarks() {
  for (Impl impl : {Impl::ours, Impl::openssl}) {
    benchmark::RegisterBenchmark(("memory/" + std::string(impl_name(impl))).c_str(), run, impl)
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace gauntlet::bench
