// Bulk throughput over one established connection, client to server: each
// AEAD and CBC suite with 16 KiB and 1 KiB writes, ours against OpenSSL's.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/bench_main.h"
#include "bench/scenario.h"

namespace gauntlet::bench {
namespace {

struct Case {
  const char* name;
  const char* suite;
};

const Case kCases[] = {
    {"aes128_gcm", "ECDHE-RSA-AES128-GCM-SHA256"},
    {"chacha20_poly1305", "ECDHE-RSA-CHACHA20-POLY1305"},
    {"aes128_cbc_sha256", "ECDHE-RSA-AES128-SHA256"},
};

void run(benchmark::State& state, const Scenario& s, Impl impl, size_t write_size) {
  auto server = server_side(impl, s);
  auto client = client_side(impl, s);
  auto c = client->connect();
  auto sv = server->connect();
  if (!pump(*c, *sv)) return state.SkipWithError("handshake failed");
  const Bytes chunk(write_size, 0x5a);
  size_t received = 0;
  for (auto _ : state) {
    c->write(chunk);
    sv->receive(c->take_output());
    received += sv->drain_application_data();
  }
  if (received != chunk.size() * state.iterations() || c->failed() || sv->failed()) {
    return state.SkipWithError("data lost");
  }
  state.SetBytesProcessed(static_cast<int64_t>(received));
}

}  // namespace

void register_benchmarks() {
  for (const Case& c : kCases) {
    for (size_t size : {size_t{16384}, size_t{1024}}) {
      for (Impl impl : {Impl::ours, Impl::openssl}) {
        const std::string name = std::string("bulk/") + c.name + "/" + std::to_string(size) + "/" +
                                 std::string(impl_name(impl));
        benchmark::RegisterBenchmark(name.c_str(), run, Scenario{c.suite}, impl, size);
      }
    }
  }
}

}  // namespace gauntlet::bench
