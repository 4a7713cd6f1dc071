#!/usr/bin/env bash
# The README's main command: builds the one program it runs (the tests are
# scripts/test.sh's), prints what the engine supports, runs a loopback demo
# (`gauntlet serve`, our own client and
# `openssl s_client` handshaking with it, each printing what was negotiated),
# then the whole conformance matrix against our engine, OpenSSL in process,
# openssl s_server/s_client and gnutls-serv/gnutls-cli, and its summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
bazel build //:gauntlet
gauntlet=bazel-bin/gauntlet
pki=engine/crypto/testdata
"$gauntlet" info

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
timeout 60 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  --tickets --www 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done

echo
echo "== gauntlet connect 127.0.0.1:$port (then two resumptions)"
printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost \
  --ca "$pki/root-ca.pem" --resume 2 | awk '/^---/ {skip = 1} /^reconnection/ {skip = 0} !skip'

echo
echo "== openssl s_client -connect 127.0.0.1:$port"
printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 openssl s_client -connect "127.0.0.1:$port" -servername localhost \
  -CAfile "$pki/root-ca.pem" -brief 2>&1 | grep -E 'Protocol version|Ciphersuite|Verification|Peer cert' || true

echo
echo "== what gauntlet serve logged"
sed 's/^/  /' "$log"

echo
echo "== the conformance matrix: every scenario against our engine, OpenSSL in process,"
echo "   openssl s_server/s_client and gnutls-serv/gnutls-cli (reports in out/conformance/)"
mkdir -p out/conformance
"$gauntlet" run --target self --target openssl --target openssl-proc --target gnutls-proc -j 2 \
  --junit out/conformance/junit.xml --json out/conformance/results.json --artifacts out/conformance
