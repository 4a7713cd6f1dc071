#include <benchmark/benchmark.h>

#include "bench/bench_main.h"

int main(int argc, char** argv) {
  gauntlet::bench::register_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
