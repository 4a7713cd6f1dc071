// Each benchmark binary registers its cases here at run time (their names
// are built from tables); bench_main.cc runs them.
#pragma once

namespace gauntlet::bench {

void register_benchmarks();

}  // namespace gauntlet::bench
