#!/usr/bin/env bash
# Installs every Debian package Gauntlet needs. Idempotent: when everything is
# already installed it only checks and returns.
set -euo pipefail

packages=(
  bazel-bootstrap        # Bazel 4.2.3, the build system (offline)
  bazel-rules-java       # rules_java for Bazel's own Java toolchain glue
  build-essential        # gcc/g++ for the default configuration
  clang llvm             # clang 14 for the fuzz, coverage and asan configs; llvm-cov/profdata
  libclang-rt-14-dev     # libFuzzer and sanitizer runtimes
  libssl-dev openssl     # libcrypto primitives, libssl as reference peer, s_server/s_client
  libgtest-dev googletest libgmock-dev  # GoogleTest
  libcli11-dev           # command-line parsing for //:gauntlet
  libyaml-cpp-dev        # conformance scenario files
  nlohmann-json3-dev     # JSON output of gauntlet decode and the runner
  libpcap-dev            # pcap output of failing conformance cases
  gnutls-bin             # gnutls-serv / gnutls-cli reference peers
  libbenchmark-dev       # Google Benchmark for bench/
  python3                # test-count summary in scripts/test.sh; hostile peers in interop/
  procps                 # pgrep: interop/hostile_runner_test.sh checks no process peer outlives a run
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
