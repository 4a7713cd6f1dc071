#!/usr/bin/env bash
# The gauntlet program's contract: --help on every subcommand exits 0, any
# usage error exits 2.
set -u
bin="$1"
hello_hex="$2"  # one ClientHello message, hex
fail=0

expect() {
  local want="$1"; shift
  "$bin" "$@" >/dev/null 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: gauntlet $* exited $got, want $want"
    fail=1
  fi
}

expect 0 --help
expect 2
expect 2 no-such-command
expect 2 --no-such-flag
subs=$("$bin" --help | awk 'tolower($0) ~ /^subcommands:/{on=1; next} on && NF {print $1}')
[ -n "$subs" ] || { echo "FAIL: --help lists no subcommands"; fail=1; }
for sub in $subs; do
  expect 0 "$sub" --help
  expect 2 "$sub" --no-such-flag
done
expect 0 info
"$bin" info | grep -q "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" || { echo "FAIL: info lacks suites"; fail=1; }
# info lists only what the engine completes a handshake in: no TLS 1.3 until
# its handshake exists.
"$bin" info | grep -q "TLS_AES_128_GCM_SHA256\|TLSv1.3" && { echo "FAIL: info claims TLS 1.3"; fail=1; }
# decode: a record built around a real ClientHello, as text and JSON.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
body=$(grep -v '^#' "$hello_hex" | tr -d ' \n')
printf '160301%04x%s\n' $(( ${#body} / 2 )) "$body" > "$work/capture.hex"
"$bin" decode "$work/capture.hex" | grep -q "host_name: localhost" || { echo "FAIL: decode"; fail=1; }
"$bin" decode --json "$work/capture.hex" | python3 -c 'import json,sys; json.load(sys.stdin)' ||
  { echo "FAIL: decode --json is not JSON"; fail=1; }
printf '160303000501' > "$work/bad.hex"
"$bin" decode "$work/bad.hex" >/dev/null; [ $? -eq 1 ] || { echo "FAIL: bad capture should exit 1"; fail=1; }
# serve and connect refuse what they cannot act on with status 2.
expect 2 serve --port 1 --cert /nonexistent --key /nonexistent
expect 2 connect no-port-here
expect 2 connect 127.0.0.1:1 --versions tls9
expect 2 connect 127.0.0.1:1 --suites NOT-A-SUITE
"$bin" connect 127.0.0.1:1 --timeout 2 </dev/null >/dev/null 2>&1
[ $? -eq 1 ] || { echo "FAIL: connect to a closed port should exit 1"; fail=1; }
expect 2 decode "$work/missing.hex"
expect 2 decode
exit "$fail"
