#!/usr/bin/env bash
# Captures real handshake messages as hex fixtures: openssl s_server and
# s_client, and gnutls-serv, on loopback, traced with openssl's -msg.
# Each fixture is one whole handshake message (4-byte header included).
# Usage: capture.sh   (writes next to this script; needs openssl and gnutls-serv)
set -euo pipefail
cd "$(dirname "$0")"
pki=../../../crypto/testdata
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trace=$(mktemp)
trap 'rm -f "$trace"; kill "${server:-0}" 2>/dev/null || true' EXIT

# extract DIRECTION NAME OUT: the hex of the first traced message NAME sent in
# DIRECTION (">>>" or "<<<") from the trace.
extract() {
  awk -v dir="$1" -v name="$2" '
    $1 == dir && $0 ~ (", " name "$") {on = 1; next}
    on && /^    [0-9a-f][0-9a-f]( |$)/ {for (i = 1; i <= NF; i++) printf "%s", $i; next}
    on {exit}' "$trace" > "$3.hex"
  [ -s "$3.hex" ] || { echo "no $2 in trace" >&2; exit 1; }
  echo "# $4" | cat - "$3.hex" > "$3.tmp" && mv "$3.tmp" "$3.hex"
}

# session SUITE PREFIX SERVER_ARGS...: one TLS 1.2 handshake with client auth.
session() {
  local suite=$1 prefix=$2
  shift 2
  openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" \
    -key "$pki/server-rsa.key" -CAfile "$pki/root-ca.pem" -Verify 1 -naccept 1 -quiet \
    -cipher "$suite" "$@" >/dev/null 2>&1 &
  server=$!
  sleep 0.5
  echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$suite" \
    -cert "$pki/client-rsa.pem" -key "$pki/client-rsa.key" -servername localhost \
    -msg > "$trace" 2>&1 || true
  wait "$server" 2>/dev/null || true
  local how="openssl s_client -tls1_2 -cipher $suite -msg against openssl s_server -Verify 1"
  extract ">>>" ClientHello "$prefix-client_hello" "$how"
  extract "<<<" ServerHello "$prefix-server_hello" "$how"
  extract "<<<" Certificate "$prefix-certificate" "$how"
  extract "<<<" CertificateRequest "$prefix-certificate_request" "$how"
  extract ">>>" ClientKeyExchange "$prefix-client_key_exchange" "$how"
  extract ">>>" CertificateVerify "$prefix-certificate_verify" "$how"
  if [ "$suite" != AES128-SHA ]; then
    extract "<<<" ServerKeyExchange "$prefix-server_key_exchange" "$how"
  fi
}

session ECDHE-RSA-AES128-GCM-SHA256 openssl-ecdhe
session DHE-RSA-AES256-GCM-SHA384 openssl-dhe
session AES128-SHA openssl-rsa

# gnutls-serv's server flight, traced by openssl s_client.
gnutls-serv --port "$port" --x509certfile "$pki/server-rsa-chain.pem" \
  --x509keyfile "$pki/server-rsa.key" --require-client-cert >/dev/null 2>&1 &
server=$!
sleep 1
echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" -tls1_2 \
  -cert "$pki/client-rsa.pem" -key "$pki/client-rsa.key" -msg > "$trace" 2>&1 || true
kill "$server" 2>/dev/null || true
how="gnutls-serv --require-client-cert, traced by openssl s_client -tls1_2 -msg"
extract "<<<" ServerHello gnutls-ecdhe-server_hello "$how"
extract "<<<" Certificate gnutls-ecdhe-certificate "$how"
extract "<<<" ServerKeyExchange gnutls-ecdhe-server_key_exchange "$how"
extract "<<<" CertificateRequest gnutls-ecdhe-certificate_request "$how"

# gnutls-cli's ClientHello, read off the socket by a listener that answers
# nothing: the first record's body is the message.
python3 - "$port" > gnutls-client_hello.hex <<'PY' &
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(1)
s.settimeout(10)
conn, _ = s.accept()
conn.settimeout(5)
data = b""
while len(data) < 5 or len(data) < 5 + int.from_bytes(data[3:5], "big"):
    chunk = conn.recv(65536)
    if not chunk:
        break
    data += chunk
print("# gnutls-cli --insecure, first record read off the socket")
print(data[5:5 + int.from_bytes(data[3:5], "big")].hex())
PY
listener=$!
sleep 0.5
timeout 5 gnutls-cli --insecure -p "$port" 127.0.0.1 < /dev/null > /dev/null 2>&1 || true
wait "$listener"
