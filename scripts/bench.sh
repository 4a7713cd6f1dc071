#!/usr/bin/env bash
# Issue 7's benchmarks in one run: builds optimized, runs the in-process
# handshake, bulk and memory benchmarks (bench/), `gauntlet serve` and
# `openssl s_server` under the same loopback load, and each fuzz target for
# a fixed time; then prints one table, each row ours, OpenSSL's and the ratio
# (bench/report.py). docs/PERFORMANCE.md records a run and explains it.
#
# Knobs (environment): BAZEL (the bazel command, with startup options),
# BAZEL_FLAGS (extra build flags), MIN_TIME (seconds per benchmark case,
# default 1), REPETITIONS (default 3; the table takes the median),
# LOAD_SECONDS (per load level, default 5), FUZZ_SECONDS (per target,
# default 10; 0 skips the fuzz targets), KEEP (a directory to keep the raw
# results in). BAZEL may carry startup options, e.g.
#   BAZEL="bazel --output_base=$HOME/.cache/bazel-bench" scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

read -r -a bazel <<<"${BAZEL:-bazel}"
read -r -a flags <<<"${BAZEL_FLAGS:-}"
min_time=${MIN_TIME:-1}
reps=${REPETITIONS:-3}
load_seconds=${LOAD_SECONDS:-5}
fuzz_seconds=${FUZZ_SECONDS:-10}
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
pki=engine/crypto/testdata
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

echo "== build (optimized)" >&2
"${bazel[@]}" build "${flags[@]}" -c opt //bench:all //:gauntlet
bin=$("${bazel[@]}" info "${flags[@]}" -c opt bazel-bin 2>/dev/null)

for b in handshake bulk memory; do
  echo "== ${b}_bench" >&2
  # Repetitions in random order, so that a neighbour's load drifting over
  # the run falls on ours and OpenSSL's alike; the table takes the median.
  "$bin/bench/${b}_bench" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
    --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true \
    --benchmark_out="$work/$b.json" \
    --benchmark_out_format=json >&2
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  local hex
  hex=$(printf '%04X' "$1")
  for _ in $(seq 100); do
    grep -q ":$hex [0-9A-F:]* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on port $1" >&2
  return 1
}

# The same server work for both: TLS 1.2, one suite, the RSA identity, a
# session cache, no tickets; each client does full handshakes only.
suite=ECDHE-RSA-AES128-GCM-SHA256
load_server() {  # impl port
  if [ "$1" = ours ]; then
    "$bin/gauntlet" serve --port "$2" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
      --versions tls1.2 --suites "$suite" --max-connections 1024 2>/dev/null &
  else
    # s_server reads its stdin for data to send; a FIFO that stays open and
    # empty (fd 3 below) keeps it waiting rather than spinning on EOF.
    rm -f "$work/stdin"
    mkfifo "$work/stdin"
    openssl s_server -accept "127.0.0.1:$2" -cert "$pki/server-rsa.pem" -cert_chain "$pki/intermediate-ca.pem" \
      -key "$pki/server-rsa.key" -tls1_2 -cipher "$suite" -no_ticket -quiet \
      <"$work/stdin" >/dev/null 2>&1 &
    exec 3>"$work/stdin"
  fi
  pids+=($!)
  wait_port "$2"
}
for impl in ours openssl; do
  port=$(free_port)
  load_server "$impl" "$port"
  for n in 1 16 256; do
    echo "== load: $impl server, $n clients" >&2
    "$bin/bench/loadgen" 127.0.0.1 "$port" "$n" "$load_seconds" "$suite" | tee "$work/load-$impl-$n.txt" >&2
  done
  # Real clients while 300 idle connections are held (slowloris): a server
  # must go on accepting. s_server serves one connection at a time, so the
  # first idle one stalls it; each handshake gives up after 5 s.
  echo "== load: $impl server, 16 clients, 300 idle connections" >&2
  "$bin/bench/loadgen" 127.0.0.1 "$port" 16 "$load_seconds" "$suite" --idle 300 --timeout-ms 5000 |
    tee "$work/load-$impl-idle300.txt" >&2 || true
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done
exec 3>&-

# Fuzz targets: execs/s of each libFuzzer binary, built as scripts/fuzz.sh
# builds them (--config=fuzz: ASan + UBSan) and run for FUZZ_SECONDS from a
# copy of its seed corpus. Not through fuzz.sh itself: that merges what it
# finds into corpora/, and a benchmark must leave the tree as it was.
if [ "$fuzz_seconds" != 0 ]; then
  echo "== fuzz targets, ${fuzz_seconds}s each" >&2
  mapfile -t targets < <("${bazel[@]}" query --noshow_progress \
    'attr(tags, "fuzz_target", kind("cc_binary", //fuzz:all))' 2>/dev/null)
  "${bazel[@]}" build "${flags[@]}" --config=fuzz "${targets[@]}"
  fuzz_bin=$("${bazel[@]}" info "${flags[@]}" --config=fuzz bazel-bin 2>/dev/null)/fuzz
  echo "target execs/s" >"$work/fuzz-table.txt"
  for t in "${targets[@]}"; do
    name=${t##*:}
    corpus="$work/corpus-$name"
    mkdir -p "$corpus"
    [ -d "corpora/$name" ] && cp -r "corpora/$name/." "$corpus/"
    "$fuzz_bin/$name" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 "$corpus" >"$work/fuzz-$name.log" 2>&1 || true
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz-$name.log")
    echo "$name ${rate:-0}" | tee -a "$work/fuzz-table.txt" >&2
  done
fi

echo
python3 bench/report.py "$work"
