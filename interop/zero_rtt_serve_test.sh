#!/usr/bin/env bash
# TLS 1.3 0-RTT and PSK modes between processes on loopback: `gauntlet serve
# --tickets --early-data N` takes `gauntlet connect --resume --early-data`'s
# early data once per ticket, and openssl s_client's (-early_data); a server that allows
# none refuses it; --psk-modes psk_ke resumes without (EC)DHE. Each case
# has a hard time limit and a free port.
set -uo pipefail

gauntlet=$(realpath "$1")
pki=$(realpath "$2")
source interop/test_lib.sh

start_serve() {  # port, extra args...
  local port=$1
  shift
  timeout 60 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" \
    --key "$pki/server-rsa.key" --tickets "$@" 2>"$work/serve-$port.log" &
  pids+=($!)
  wait_port "$port"
}

connect() {  # port, output file, extra args...
  local port=$1 out=$2
  shift 2
  echo "ping" | timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost \
    --ca "$pki/root-ca.pem" --idle 300 "$@" >"$out" 2>&1
}

port=$(free_port)
start_serve "$port" --early-data 1000
out="$work/accepted.out"
# Both reconnections offer the first connection's ticket: the second is a
# replay, resumed without its early data (RFC 8446 §8.1).
if connect "$port" "$out" --resume 2 --early-data "early hello" &&
  grep -q '^tickets received: 2$' "$out" &&
  grep -A3 '^reconnection 1: resumed$' "$out" | grep -q '^  early data: accepted$' &&
  grep -A3 '^reconnection 2: resumed$' "$out" | grep -q '^  early data: rejected$' &&
  grep -q 'psk=psk_dhe_ke' "$out" && grep -q 'early_data=accepted' "$work/serve-$port.log"; then
  pass "serve --early-data 1000 <- connect --resume 2 --early-data, then a replay"
else
  fail "serve --early-data 1000 <- connect --resume 2 --early-data, then a replay" "$out" \
    "$work/serve-$port.log"
fi

if have openssl; then
  out="$work/sclient-first.out"
  sess="$work/sclient.sess"
  echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/root-ca.pem" \
    -servername localhost -sess_out "$sess" -ign_eof >"$out" 2>&1
  printf 'early from s_client' >"$work/early.txt"
  out="$work/sclient-early.out"
  echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/root-ca.pem" \
    -servername localhost -sess_in "$sess" -early_data "$work/early.txt" -ign_eof >"$out" 2>&1
  if grep -q "Early data was accepted" "$out" && grep -q "Reused, TLSv1.3" "$out"; then
    pass "serve --early-data 1000 <- s_client -early_data"
  else
    fail "serve --early-data 1000 <- s_client -early_data" "$out" "$work/serve-$port.log"
  fi
fi

port=$(free_port)
start_serve "$port" --psk-modes psk_ke
out="$work/refused.out"
if connect "$port" "$out" --resume 1 --early-data "early hello" --psk-modes psk_ke &&
  grep -q '^reconnection 1: resumed$' "$out" && grep -q '^  early data: rejected$' "$out" &&
  grep -q 'psk=psk_ke early_data=no' "$out"; then
  pass "serve --psk-modes psk_ke without --early-data <- connect --early-data --psk-modes psk_ke"
else
  fail "serve --psk-modes psk_ke without --early-data <- connect --early-data --psk-modes psk_ke" \
    "$out" "$work/serve-$port.log"
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
