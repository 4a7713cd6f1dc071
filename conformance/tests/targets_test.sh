#!/usr/bin/env bash
# `gauntlet run` against real peers on loopback: openssl-proc and gnutls-proc,
# an external server (HOST:PORT, our own `gauntlet serve`), an external
# client (client-cmd, our own `gauntlet connect`), an `openssl s_server`
# requiring client certificates (skipped, or run once --sut states it);
# s_server -rev and -www after an unknown warning alert; an unreachable port
# and a silent listener end in errors within the timeout, never a hang; a
# bad scenario file is refused with file:line and exit status 2.
set -uo pipefail
gauntlet=$(realpath "$1")
pki=$(realpath engine/crypto/testdata)
work=${TEST_TMPDIR:-$(mktemp -d)}
failures=0
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done' EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; sed 's/^/    /' "$2"; failures=$((failures + 1)); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mkdir -p "$work/ok" "$work/bad" "$work/none"
cat >"$work/ok/plain.yaml" <<'YAML'
family: plain
description: Plain handshakes both ways.
rfc: RFC 5246 §7.3
scenarios:
  - name: client
    description: Our client, a full handshake and data.
    scripted: client
    versions: [tls1.2]
    suites: [ECDHE-RSA-AES128-GCM-SHA256, AES128-SHA]
    steps:
      - handshake: success
      - exchange: data
  - name: bad-mac
    description: A flipped MAC draws bad_record_mac.
    scripted: client
    versions: [tls1.2]
    suites: [ECDHE-RSA-AES128-GCM-SHA256]
    steps:
      - handshake: success
      - tamper: {record: application_data, action: flip_last_byte}
      - send: {data: ping, expect: {alert: bad_record_mac}}
  - name: server
    description: Our server, a full handshake.
    scripted: server
    versions: [tls1.2]
    suites: [ECDHE-RSA-AES128-GCM-SHA256]
    steps:
      - handshake: success
YAML
printf 'family: bad\nscenarios:\n  - name: x\n    description: d\n    rfc: r\n    scripted: sideways\n    steps: [{handshake: success}]\n' >"$work/bad/bad.yaml"

run() { timeout 120 "$gauntlet" run --scenarios "$work/ok" --expectations "$work/none" "$@"; }

out="$work/proc.out"
if run --target openssl-proc --target gnutls-proc -j 2 >"$out" 2>&1 &&
   grep -Eq '^openssl-proc +4 +4 ' "$out" && grep -Eq '^gnutls-proc +4 +4 ' "$out"; then
  pass "openssl-proc and gnutls-proc: every case passes"
else fail "openssl-proc and gnutls-proc" "$out"; fi

port=$(free_port)
timeout 60 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
out="$work/external.out"
if run --target "127.0.0.1:$port" --sni localhost --ca "$pki/root-ca.pem" >"$out" 2>&1 &&
   grep -Eq "^127.0.0.1:$port +4 +3 " "$out"; then
  pass "HOST:PORT against gauntlet serve (the server-side scenario skips)"
else fail "HOST:PORT against gauntlet serve" "$out"; fi

out="$work/client-cmd.out"
if run --target "client-cmd:$gauntlet connect {host}:{port} --sni localhost --ca $pki/root-ca.pem </dev/null" \
     >"$out" 2>&1 && grep -Eq '^client-cmd:gauntlet +4 +1 ' "$out"; then
  pass "client-cmd with gauntlet connect (the client-side scenarios skip)"
else fail "client-cmd with gauntlet connect" "$out"; fi

# A server that requires a client certificate: its profile alone skips the
# cases (it may not trust ours); stated with --sut, our client offers the
# test PKI's and they run.
port=$(free_port)
timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" -key "$pki/server-rsa.key" \
  -Verify 1 -verifyCAfile "$pki/root-ca.pem" -rev >"$work/s_server-verify.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q ACCEPT "$work/s_server-verify.log" && break; sleep 0.1; done
out="$work/required.out"
if run --target "127.0.0.1:$port" --json "$work/required.json" >"$out" 2>&1 &&
   grep -Eq "^127.0.0.1:$port +4 +0 " "$out" && grep -q "requires a client certificate" "$work/required.json"; then
  pass "a server requiring client certificates: skipped on its profile"
else fail "a server requiring client certificates: skipped on its profile" "$out"; fi
out="$work/required-stated.out"
if run --target "127.0.0.1:$port" --sut client-cert=required >"$out" 2>&1 &&
   grep -Eq "^127.0.0.1:$port +4 +3 " "$out"; then
  pass "a server requiring client certificates: run with --sut client-cert=required"
else fail "a server requiring client certificates: run with --sut client-cert=required" "$out"; fi

# A warning alert of an unknown description ends a TLS 1.3 connection (RFC
# 8446 §6). s_server -rev closes; s_server -www keeps its socket and stays
# silent, so the runner probes it with data (the profile says it answers
# data): it answers, so its connection went on, a FAIL the reason names.
mkdir -p "$work/alert"
cat >"$work/alert/alert.yaml" <<'YAML'
family: alert
description: An unknown warning alert in TLS 1.3.
rfc: RFC 8446 §6
scenarios:
  - name: unknown-warning
    description: A warning alert 254 after the handshake must end the connection.
    rule: 'RFC 8446 §6: "Unknown Alert types MUST be treated as error alerts."'
    scripted: client
    versions: [tls1.3]
    steps:
      - handshake: success
      - alert: {level: warning, description: 254, expect: failure}
YAML
for mode in rev www; do
  port=$(free_port)
  timeout 120 openssl s_server -accept "127.0.0.1:$port" -cert "$pki/server-rsa-chain.pem" \
    -key "$pki/server-rsa.key" "-$mode" >"$work/s_server-$mode.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do grep -q ACCEPT "$work/s_server-$mode.log" && break; sleep 0.1; done
  out="$work/alert-$mode.out"
  timeout 120 "$gauntlet" run --scenarios "$work/alert" --expectations "$work/none" \
    --target "127.0.0.1:$port" --timeout 1000 >"$out" 2>&1
  status=$?
  if [ "$mode" = rev ] && [ "$status" -eq 0 ] && grep -Eq "^127.0.0.1:$port +1 +1 " "$out"; then
    pass "s_server -rev ends the connection on an unknown warning alert"
  elif [ "$mode" = www ] && [ "$status" -eq 1 ] && grep -q "application data back: the connection went on" "$out"; then
    pass "s_server -www: the probe finds its connection went on"
  else fail "s_server -$mode and an unknown warning alert (status $status)" "$out"; fi
done

out="$work/unreachable.out"
closed=$(free_port)
run --target "127.0.0.1:$closed" --timeout 1000 >"$out" 2>&1
status=$?
if [ "$status" -eq 1 ] && grep -q "did not answer" "$out"; then pass "an unreachable server is an error"
else fail "an unreachable server is an error (status $status)" "$out"; fi

silent=$(free_port)
timeout 60 python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1',$silent)); s.listen(8); c=[s.accept() for _ in range(8)]; time.sleep(60)" &
pids+=($!)
sleep 0.3
out="$work/silent.out"
start=$(date +%s)
run --target "127.0.0.1:$silent" --timeout 1000 >"$out" 2>&1
status=$?
took=$(( $(date +%s) - start ))
if [ "$status" -eq 1 ] && grep -q "timeout" "$out" && [ "$took" -lt 30 ]; then
  pass "a silent server is a timeout error (${took}s)"
else fail "a silent server is a timeout error (status $status, ${took}s)" "$out"; fi

out="$work/bad.out"
timeout 30 "$gauntlet" run --scenarios "$work/bad" --target self >"$out" 2>&1
status=$?
if [ "$status" -eq 2 ] && grep -q "bad.yaml:6: 'scripted' is client or server" "$out"; then
  pass "a bad scenario file: file:line and exit 2"
else fail "a bad scenario file (status $status)" "$out"; fi

out="$work/target.out"
timeout 30 "$gauntlet" run --scenarios "$work/ok" --target nonsense >"$out" 2>&1
status=$?
if [ "$status" -eq 2 ] && grep -q "unknown target 'nonsense'" "$out"; then pass "an unknown target: exit 2"
else fail "an unknown target (status $status)" "$out"; fi

echo "$failures failed"
[ "$failures" -eq 0 ]
