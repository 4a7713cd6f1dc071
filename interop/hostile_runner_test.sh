#!/usr/bin/env bash
# `gauntlet run` and `gauntlet connect` against hostile servers on loopback
# (interop/hostile_peers.py: garbage, flood, silent, half-open): each ends in
# an error within its deadline, never a hang or a green run. Then every exit
# status docs/CONFORMANCE.md states (0, 1, 2, 128+N on SIGINT and SIGTERM,
# reports written, no process peer left), range-checked options, and key
# log files created private and never through a symbolic link.
set -uo pipefail

gauntlet=$(realpath "$1")
pki=$(realpath "$2")
peers=$(realpath "$3")
source interop/test_lib.sh
now_ms() { date +%s%3N; }

start_peer() {  # mode → sets $port
  python3 "$peers" "$1" --seconds 120 >"$work/peer-$1" &
  pids+=($!)
  for _ in $(seq 50); do
    port=$(awk '/^listening/ {print $2}' "$work/peer-$1")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "hostile peer $1 did not start"
  exit 1
}

run=("$gauntlet" run --scenarios conformance/scenarios --pki "$pki" --timeout 1000)
rsa12='handshake/full-rsa[TLSv1.2,*'

# --- hostile servers against run and connect --------------------------------
for mode in garbage flood silent halfopen; do
  start_peer "$mode"
  t0=$(now_ms)
  timeout 60 "${run[@]}" --target "127.0.0.1:$port" --filter "$rsa12" \
    --junit "$work/$mode.xml" >"$work/run-$mode" 2>&1
  rc=$?
  took=$(($(now_ms) - t0))
  if [ "$rc" -eq 1 ] && grep -q "ERROR" "$work/run-$mode" && grep -q 'errors="[1-9]' "$work/$mode.xml" &&
     [ "$took" -lt 20000 ]; then
    pass "run against a $mode server: ERROR, exit 1 in ${took} ms"
  else
    fail "run against a $mode server: exit $rc in ${took} ms" "$work/run-$mode"
  fi

  t0=$(now_ms)
  timeout 30 "$gauntlet" connect "127.0.0.1:$port" --timeout 2 </dev/null >"$work/connect-$mode" 2>&1
  rc=$?
  took=$(($(now_ms) - t0))
  if [ "$rc" -eq 1 ] && [ "$took" -lt 3500 ]; then
    pass "connect to a $mode server: exit 1 in ${took} ms (deadline 2 s)"
  else
    fail "connect to a $mode server: exit $rc in ${took} ms (deadline 2 s)" "$work/connect-$mode"
  fi
done

# --- exit statuses ----------------------------------------------------------
"${run[@]}" --target self --filter 'handshake/full-rsa?TLSv1.2,AES128-SHA?' >"$work/ok" 2>&1
rc=$?
[ "$rc" -eq 0 ] && pass "exit 0 when all is as expected" || fail "exit 0: got $rc" "$work/ok"
# A case id as --list prints it selects that case as a filter.
id=$("${run[@]}" --list --filter 'handshake/full-rsa?TLSv1.2,AES128-SHA?' | head -1 | awk '{print $1}')
"${run[@]}" --target self --filter "$id" >"$work/by-id" 2>&1
if [ "$?" -eq 0 ] && grep -q "1 cases x 1 targets" "$work/by-id"; then pass "--filter takes a listed id: $id"
else fail "--filter $id" "$work/by-id"; fi
# --expectations FILE is for every target: a listed case that passes is an
# unexpected pass.
printf 'target: mine\nknown_failures:\n  - cases: "%s"\n    reason: "a test"\n' \
  "$(printf '%s' "$id" | sed 's/\[/[[]/')" >"$work/mine.yaml"
"${run[@]}" --target self --filter "$id" --expectations "$work/mine.yaml" >"$work/by-file" 2>&1
if grep -q "unexpected pass self handshake/full-rsa" "$work/by-file"; then pass "--expectations FILE"
else fail "--expectations FILE" "$work/by-file" "$work/mine.yaml"; fi
# The default scenarios, expectations and PKI are found from any folder.
(cd / && "$gauntlet" run --target self --filter "$id") >"$work/from-root" 2>&1
if [ "$?" -eq 0 ] && grep -q "1 cases x 1 targets" "$work/from-root"; then pass "run from /"
else fail "run from /" "$work/from-root"; fi

touch "$work/a-file"
mkdir -p "$work/a-dir"
usage_cases=(
  "run -j 0|${run[*]} --target self -j 0"
  "run -j 100000|${run[*]} --target self -j 100000"
  "run --timeout -1|${run[*]} --target self --timeout -1"
  "run --pki missing|$gauntlet run --scenarios conformance/scenarios --target self --pki $work/nowhere"
  "run --ca a directory|${run[*]} --target 127.0.0.1:1 --ca $work/a-dir"
  "run --ca missing|${run[*]} --target 127.0.0.1:1 --ca $work/nowhere.pem"
  "run --expectations missing|${run[*]} --target self --expectations $work/nowhere"
  "run --artifacts a file|${run[*]} --target self --artifacts $work/a-file"
  "run two targets of one name|${run[*]} --target self --target self"
  "run --sut an unknown key|${run[*]} --target self --sut colour=blue"
  "run --compare one target|${run[*]} --target self --compare"
  "connect --resume -3|$gauntlet connect 127.0.0.1:1 --resume -3"
  "connect --timeout 0|$gauntlet connect 127.0.0.1:1 --timeout 0"
  "connect --ca a directory|$gauntlet connect 127.0.0.1:1 --ca $work/a-dir"
  "decode a directory|$gauntlet decode $work/a-dir"
)
for entry in "${usage_cases[@]}"; do
  name=${entry%%|*}
  timeout 30 ${entry#*|} </dev/null >"$work/usage" 2>&1
  rc=$?
  if [ "$rc" -eq 2 ] && ! grep -q "terminate called\|Aborted" "$work/usage"; then
    pass "exit 2: $name"
  else
    fail "exit 2: $name (got $rc)" "$work/usage"
  fi
done

# --- a chain that does not verify against --ca: exit 2, unless --no-verify ---
port=$(free_port)
"$gauntlet" serve --port "$port" --cert "$pki/server-wrong-name-chain.pem" \
  --key "$pki/server-wrong-name.key" 2>/dev/null &
pids+=($!)
wait_port "$port"
timeout 60 "${run[@]}" --target "127.0.0.1:$port" --ca "$pki/root-ca.pem" \
  --filter 'handshake/full-rsa?TLSv1.2,AES128-SHA?' >"$work/unverified" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -q "does not verify against --ca" "$work/unverified"; then
  pass "exit 2: a chain that does not verify"
else
  fail "a chain that does not verify: exit $rc" "$work/unverified"
fi
timeout 60 "${run[@]}" --target "127.0.0.1:$port" --ca "$pki/root-ca.pem" --no-verify \
  --filter 'handshake/full-rsa?TLSv1.2,AES128-SHA?' >"$work/no-verify" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then pass "--no-verify runs on"
else fail "--no-verify: exit $rc" "$work/no-verify"; fi

# --- a TLS 1.3 server as HOST:PORT: the feature scan takes TLS 1.3 cases ----
# A version-negotiation case first: its suite is scanned at TLS 1.3, where it
# exists, so the scan neither fails nor makes every later case an ERROR.
port=$(free_port)
"$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  2>/dev/null &
pids+=($!)
wait_port "$port"
timeout 120 "${run[@]}" --target "127.0.0.1:$port" --sni localhost --ca "$pki/root-ca.pem" \
  --filter 'tls13_ccs/ccs-before-client-hello*' --filter 'tls13_ccs/compat-ccs[[]*' \
  --filter 'tls13_records/tag-flipped?TLSv1.3,TLS_AES_128_GCM*' >"$work/tls13-external" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && grep -q "3 cases x 1 targets" "$work/tls13-external" &&
  ! grep -q "^ERROR" "$work/tls13-external"; then
  pass "TLS 1.3 cases against a HOST:PORT server"
else
  fail "TLS 1.3 cases against a HOST:PORT server: exit $rc" "$work/tls13-external"
fi

# --- signals: reports written, 128+N, no process peer left ------------------
interrupt() {  # signal name, number, target, filter
  local sig=$1 num=$2 target=$3 filter=$4
  "${run[@]}" --target "$target" --filter "$filter" -j 2 --junit "$work/$sig.xml" \
    --json "$work/$sig.json" >"$work/run-$sig" 2>&1 &
  local pid=$!
  pids+=($pid)
  # Signal it once it has children (process targets) or after a second.
  local children=""
  for _ in $(seq 30); do
    sleep 0.1
    children=$(pgrep -P "$pid" | tr '\n' ' ')
    [ -n "$children" ] && break
  done
  sleep 0.5
  children="$children $(pgrep -P "$pid" | tr '\n' ' ')"
  local t0
  t0=$(now_ms)
  kill "-$sig" "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
  wait "$pid"
  local rc=$? took=$(($(now_ms) - t0)) left=""
  for c in $children; do kill -0 "$c" 2>/dev/null && left="$left $c"; done
  if [ "$rc" -eq "$num" ] && [ "$took" -lt 3000 ] && [ -z "$left" ] &&
     python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/$sig.json" &&
     grep -q "<testsuites" "$work/$sig.xml"; then
    pass "$sig: exit $rc in ${took} ms, reports written, no child left"
  else
    fail "$sig: exit $rc in ${took} ms, children left: '$left'" "$work/run-$sig"
  fi
}
# A server whose cases take time on sockets (a hostile one is known broken
# from its profile and ends the run at once): our own.
port=$(free_port)
"$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" --key "$pki/server-rsa.key" \
  --versions tls1.0:tls1.2 2>/dev/null &
pids+=($!)
wait_port "$port"
interrupt INT 130 "127.0.0.1:$port" '*'
if command -v openssl >/dev/null; then
  # The whole matrix: with its servers kept, a family is done before the signal.
  interrupt TERM 143 openssl-proc '*'
else
  echo "SKIP: SIGTERM with process peers: openssl is not installed"
fi

# --- key log files ------------------------------------------------------------
ln -s "$work/a-file" "$work/link"
timeout 10 "$gauntlet" connect 127.0.0.1:1 --timeout 1 --keylog "$work/link" </dev/null >"$work/kl" 2>&1
rc=$?
[ "$rc" -eq 2 ] && [ ! -s "$work/a-file" ] && pass "a key log through a symlink is refused" ||
  fail "a key log through a symlink: exit $rc" "$work/kl"
timeout 10 "$gauntlet" connect 127.0.0.1:1 --timeout 1 --keylog "$work/keys" </dev/null >"$work/kl" 2>&1
mode=$(stat -c %a "$work/keys" 2>/dev/null)
[ "$mode" = 600 ] && pass "a new key log is 0600" || fail "a new key log has mode '$mode'" "$work/kl"

echo "$failures failed"
[ "$failures" -eq 0 ]
