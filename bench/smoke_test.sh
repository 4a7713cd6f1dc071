#!/usr/bin/env bash
# Keeps the benchmarks from rotting: every benchmark case runs once with a
# tiny time budget and must report no error, and the load generator must
# complete handshakes against `gauntlet serve`. It measures nothing.
set -euo pipefail

handshake_bench=$1 bulk_bench=$2 memory_bench=$3 loadgen=$4 gauntlet=$5
work=$(mktemp -d)
serve_pid="" silent_pid=""
cleanup() {
  for p in $serve_pid $silent_pid; do kill "$p" 2>/dev/null; done
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

# The log exists before the server opens it: the loop below may read it first.
: >"$work/serve.log"
"$gauntlet" serve --port 0 --cert engine/crypto/testdata/server-rsa-chain.pem \
  --key engine/crypto/testdata/server-rsa.key --versions tls1.2 2>>"$work/serve.log" &
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

# Idle connections are held for the whole run and the server keeps serving.
line=$("$loadgen" 127.0.0.1 "$port" 2 0.5 --idle 20)
echo "$line"
case "$line" in
  *"idle=20 idle_open=20 "*"handshakes=0 "*) echo "FAIL loadgen --idle: no handshake"; exit 1 ;;
  *"idle=20 idle_open=20 "*"failures=0 "*) echo "PASS loadgen --idle" ;;
  *) echo "FAIL loadgen --idle"; exit 1 ;;
esac

# A server that accepts and never answers costs each handshake its timeout,
# not the run: a listening socket nobody reads from.
silent_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$silent_port)); s.listen(64); time.sleep(30)" &
silent_pid=$!
for _ in $(seq 50); do
  grep -q ":$(printf '%04X' "$silent_port") [0-9A-F:]* 0A " /proc/net/tcp && break
  sleep 0.1
done
start=$(date +%s%N)
line=$("$loadgen" 127.0.0.1 "$silent_port" 1 0.1 --timeout-ms 300 || true)
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$line (${elapsed_ms} ms)"
case "$line" in
  *"handshakes=0 failures=1 "*) [ "$elapsed_ms" -lt 3000 ] && echo "PASS loadgen --timeout-ms" ||
    { echo "FAIL loadgen --timeout-ms: took ${elapsed_ms} ms"; exit 1; } ;;
  *) echo "FAIL loadgen --timeout-ms"; exit 1 ;;
esac
