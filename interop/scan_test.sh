#!/usr/bin/env bash
# `gauntlet scan` against real servers whose setup we chose: each profile
# must say what that setup is (versions, suites, groups, extensions answered,
# certificate request). Every server on a free loopback port, bounded in
# time, stopped at the end.
set -uo pipefail

gauntlet=$(realpath "$1")
pki=$(realpath "$2")
source interop/test_lib.sh

# scan NAME PORT CHECK [SCAN OPTIONS]: runs the scan, then CHECK (python
# over the JSON profile `p`) must hold.
scan() {
  local name=$1 port=$2 check=$3
  shift 3
  timeout 120 "$gauntlet" scan "127.0.0.1:$port" --sni localhost --timeout 3000 \
    --json "$work/$name.json" "$@" >"$work/$name.txt" 2>&1
  local status=$?
  if [ "$status" -eq 0 ] && python3 - "$work/$name.json" "$check" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
spoken = {v["version"] for v in p["versions"] if v["spoken"]}
suites = {v["version"]: set(v["suites"]) for v in p["versions"]}
ext = set(p["extensions"])
order = {v["version"]: v["server_order"] for v in p["versions"]}
check = " ".join(sys.argv[2].split())
assert eval(check), check
PY
  then pass "scan $name"
  else fail "scan $name (exit $status)" "$work/$name.txt"
  fi
}

if have openssl; then
  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
    -cert_chain "$pki/intermediate-ca.pem" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA \
    -no_ticket -www >"$work/s_server-1.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "s_server -tls1_2 -cipher two -no_ticket" "$port" \
    'spoken == {"TLS 1.2"} and suites["TLS 1.2"] == {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA"}
     and {"renegotiation_info", "extended_master_secret"} <= ext and "session_ticket" not in ext
     and {"x25519", "secp256r1"} <= set(p["ecdhe_groups"]) and "sect163k1" not in p["ecdhe_groups"]
     and not p["requests_certificate"] and not order["TLS 1.2"]
     and p["sessions"]["resumes_by_id"] and not p["sessions"]["issues_tickets"] and not p["compresses"]
     and p["sessions"]["renegotiation"] == "refused" and not p["sessions"]["concurrent"]
     and p["sessions"]["application_data"].startswith("answered")'

  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
    -cert_chain "$pki/intermediate-ca.pem" -verify 1 -www >"$work/s_server-2.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "s_server defaults -verify 1" "$port" \
    '{"TLS 1.2", "TLS 1.3"} <= spoken and "SSL 2.0" not in spoken and "SSL 3.0" not in spoken
     and suites["TLS 1.3"] == {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"}
     and {"x25519", "secp256r1", "ffdhe2048"} <= set(p["tls13_groups"])
     and "session_ticket" in ext and p["requests_certificate"]
     and p["sessions"]["issues_tickets"] and p["sessions"]["resumes_by_ticket"]
     and {"rsa_pss_rsae_sha256", "rsa_pkcs1_sha256"} <= set(p["tls12_schemes"])
     and not any(s.startswith("ecdsa") for s in p["tls12_schemes"])'

  # The setups a scenario's `requires:` asks about (RFC 7301 ALPN; RFC 6520
  # heartbeat and RFC 8449 record_size_limit, which OpenSSL 3 lacks; RFC
  # 5077 tickets; RFC 5746 renegotiation; RFC 5246 §7.4.4 certificates).
  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" -key "$pki/server-rsa.key" \
    -no_ticket -alpn http/1.1 -rev >"$work/s_server-3.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "s_server -rev -no_ticket -alpn" "$port" \
    '"application_layer_protocol_negotiation" in ext and "max_fragment_length" in ext
     and {"heartbeat", "record_size_limit", "server_name"} <= set(p["extensions_asked"])
     and not {"heartbeat", "record_size_limit"} & ext
     and not p["sessions"]["issues_tickets"] and p["sessions"]["renegotiation"] == "refused"
     and not p["sessions"]["concurrent"] and not p["requests_certificate"]'

  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" -key "$pki/server-rsa.key" \
    -client_renegotiation -rev >"$work/s_server-4.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "s_server -rev -client_renegotiation" "$port" \
    'p["sessions"]["renegotiation"] == "completed" and p["sessions"]["issues_tickets"]
     and "application_layer_protocol_negotiation" not in ext'

  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" -key "$pki/server-rsa.key" \
    -Verify 1 -verifyCAfile "$pki/root-ca.pem" -rev >"$work/s_server-5.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "s_server -rev -Verify 1" "$port" \
    'p["requests_certificate"] and "failure" in p["sessions"]'
  # With a certificate the session probes complete, so its client
  # renegotiation refusal is learnt too.
  scan "s_server -rev -Verify 1, --cert" "$port" \
    'p["requests_certificate"] and "failure" not in p["sessions"]
     and p["sessions"]["renegotiation"] == "refused"' \
    --cert "$pki/client-rsa-chain.pem" --key "$pki/client-rsa.key"
fi

port=$(free_port)
timeout 120 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  --versions tls1.0:tls1.2 --tickets 2>"$work/serve.log" &
pids+=($!)
wait_port "$port"
scan "gauntlet serve tls1.0:tls1.2 --tickets" "$port" \
  'spoken == {"TLS 1.0", "TLS 1.1", "TLS 1.2"}
   and {"renegotiation_info", "extended_master_secret", "session_ticket"} <= ext
   and "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" in suites["TLS 1.2"]
   and "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" not in suites["TLS 1.0"] and order["TLS 1.2"]
   and p["sessions"]["resumes_by_id"] and p["sessions"]["resumes_by_ticket"]
   and p["sessions"]["renegotiation"] == "completed" and p["sessions"]["concurrent"]
   and p["sessions"]["application_data"] == "echoed"'

port=$(free_port)
timeout 120 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  --versions ssl2:tls1.2 --ssl2-kinds RC4-MD5,DES-CBC3-MD5 2>"$work/serve-ssl2.log" &
pids+=($!)
wait_port "$port"
scan "gauntlet serve ssl2:tls1.2 --ssl2-kinds RC4-MD5,DES-CBC3-MD5" "$port" \
  '{"SSL 2.0", "TLS 1.2"} <= spoken
   and [v for v in p["versions"] if v["version"] == "SSL 2.0"][0]["cipher_kinds"]
       == ["SSL_CK_RC4_128_WITH_MD5", "SSL_CK_DES_192_EDE3_CBC_WITH_MD5"]
   and [v for v in p["versions"] if v["version"] == "SSL 2.0"][0]["export_kinds"] is False
   and [v for v in p["versions"] if v["version"] == "SSL 2.0"][0]["accepts_unoffered_kind"] is False
   and [v for v in p["versions"] if v["version"] == "SSL 2.0"][0]["accepts_clear_key_bytes"] is False'

if have gnutls-serv; then
  port=$(free_port)
  timeout 120 gnutls-serv --x509certfile="$pki/server-rsa-chain.pem" --x509keyfile="$pki/server-rsa.key" \
    --port="$port" >"$work/gnutls-serv.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "gnutls-serv defaults" "$port" \
    '{"TLS 1.2", "TLS 1.3"} <= spoken and "SSL 2.0" not in spoken
     and "TLS_AES_128_GCM_SHA256" in suites["TLS 1.3"] and "x25519" in p["tls13_groups"]
     and p["requests_certificate"] and "failure" not in p["sessions"]'

  port=$(free_port)
  timeout 120 gnutls-serv --x509certfile="$pki/server-rsa-chain.pem" --x509keyfile="$pki/server-rsa.key" \
    --noticket --alpn=http/1.1 --heartbeat --disable-client-cert --echo --port="$port" \
    >"$work/gnutls-serv-2.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "gnutls-serv --noticket --alpn --heartbeat --disable-client-cert" "$port" \
    '{"heartbeat", "application_layer_protocol_negotiation", "record_size_limit"} <= ext
     and not p["sessions"]["issues_tickets"] and p["sessions"]["concurrent"]
     and p["sessions"]["renegotiation"] == "completed" and not p["requests_certificate"]'

  port=$(free_port)
  timeout 120 gnutls-serv --x509certfile="$pki/server-rsa-chain.pem" --x509keyfile="$pki/server-rsa.key" \
    --require-client-cert --x509cafile="$pki/root-ca.pem" --echo --port="$port" \
    >"$work/gnutls-serv-3.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  scan "gnutls-serv --require-client-cert" "$port" \
    'p["requests_certificate"] and "failure" in p["sessions"] and "heartbeat" not in ext'
fi

# Not a TLS server, and nothing at all: exit 1, saying why.
port=$(free_port)
python3 -c "
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', $port)); s.listen(16); s.settimeout(60)
while True:
    c, _ = s.accept(); c.recv(4096); c.sendall(b'HTTP/1.1 400 Bad Request\r\n\r\n'); c.close()
" &
pids+=($!)
wait_port "$port"
timeout 60 "$gauntlet" scan "127.0.0.1:$port" --timeout 2000 >"$work/http.txt" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -q "unusable:.*not TLS" "$work/http.txt"; then pass "scan an HTTP server: unusable"
else fail "scan an HTTP server (exit $status)" "$work/http.txt"; fi

port=$(free_port)
timeout 30 "$gauntlet" scan "127.0.0.1:$port" --timeout 2000 >"$work/closed.txt" 2>&1
status=$?
if [ "$status" -eq 1 ]; then pass "scan a closed port: exit 1"
else fail "scan a closed port (exit $status)" "$work/closed.txt"; fi

echo "$failures failed"
[ "$failures" -eq 0 ]
