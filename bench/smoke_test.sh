#!/usr/bin/env bash
# Keeps the benchmarks from rotting: every benchmark case runs once with a
# tiny time budget and must report no error, and the load generator must
# complete handshakes against `gauntlet serve`. It measures nothing.
set -euo pipefail

handshake_bench=$1 bulk_bench=$2 memory_bench=$3 loadgen=$4 gauntlet=$5
work=$(mktemp -d)
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

for b in "$handshake_bench" "$bulk_bench" "$memory_bench"; do
  out="$work/$(basename "$b").json"
  "$b" --benchmark_min_time=0.0001 --benchmark_format=json >"$out"
  cases=$(grep -c '"run_name"' "$out")
  if [ "$cases" -eq 0 ] || grep -q '"error_occurred": true' "$out"; then
    echo "FAIL $(basename "$b"):"
    grep -B3 -A3 '"error_message"' "$out" || cat "$out"
    exit 1
  fi
  echo "PASS $(basename "$b"): $cases cases"
done

"$gauntlet" serve --port 0 --cert engine/crypto/testdata/server-rsa-chain.pem \
  --key engine/crypto/testdata/server-rsa.key --versions tls1.2 2>"$work/serve.log" &
serve_pid=$!
port=""
for _ in $(seq 50); do
  port=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: gauntlet serve did not start"; cat "$work/serve.log"; exit 1; }
line=$("$loadgen" 127.0.0.1 "$port" 2 0.5)
echo "$line"
case "$line" in
  *"handshakes=0 "*) echo "FAIL loadgen: no handshake"; exit 1 ;;
  *"failures=0 "*) echo "PASS loadgen" ;;
  *) echo "FAIL loadgen: failures"; exit 1 ;;
esac
