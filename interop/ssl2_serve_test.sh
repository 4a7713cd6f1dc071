#!/usr/bin/env bash
# SSL 2.0 between our own processes on loopback: `gauntlet serve --versions
# ssl2:tls1.2` answers a native SSL 2.0 CLIENT-HELLO and TLS on one port;
# `gauntlet connect --versions ssl2` completes the handshake, prints the
# cipher kind, connection-id and reuse, and carries data. Each case has a
# hard time limit and a free port.
set -uo pipefail

gauntlet=$(realpath "$1")
pki=$(realpath "$2")
source interop/test_lib.sh

# SSL 2.0 sends the leaf alone (SSL 2.0 spec §2.6): the client trusts the
# test PKI's intermediate as well as its root.
cat "$pki/root-ca.pem" "$pki/intermediate-ca.pem" >"$work/anchors.pem"

port=$(free_port)
timeout 60 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" \
  --key "$pki/server-rsa.key" --versions ssl2:tls1.2 2>"$work/serve.log" &
pids+=($!)
wait_port "$port"

connect() {  # output file, extra args...
  local out=$1
  shift
  echo "ping" | timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost \
    --ca "$work/anchors.pem" --idle 300 "$@" >"$out" 2>&1
}

out="$work/ssl2.out"
if connect "$out" --versions ssl2 --resume 1 && grep -q '^version: *SSLv2$' "$out" &&
  grep -q '^cipher kind: *SSL_CK_' "$out" && grep -Eq '^connection-id: *[0-9a-f]{32}$' "$out" &&
  grep -q '^session reused: *no$' "$out" && grep -q '^ping$' "$out" &&
  grep -q '^reconnection 1: resumed$' "$out"; then
  pass "serve --versions ssl2:tls1.2 <- connect --versions ssl2, then reused"
else
  fail "serve --versions ssl2:tls1.2 <- connect --versions ssl2, then reused" "$out" "$work/serve.log"
fi

out="$work/export.out"
if connect "$out" --versions ssl2 --ssl2-kinds EXP-RC4-MD5 &&
  grep -q '^cipher kind: *SSL_CK_RC4_128_EXPORT40_WITH_MD5' "$out" && grep -q '^ping$' "$out"; then
  pass "serve offers the export kinds: connect --ssl2-kinds EXP-RC4-MD5"
else
  fail "serve offers the export kinds: connect --ssl2-kinds EXP-RC4-MD5" "$out" "$work/serve.log"
fi

out="$work/tls.out"
if connect "$out" --versions tls1.2 && grep -q '^version: *TLSv1.2$' "$out" &&
  grep -q '^ping$' "$out"; then
  pass "the same port serves TLS 1.2"
else
  fail "the same port serves TLS 1.2" "$out" "$work/serve.log"
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
