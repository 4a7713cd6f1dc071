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
# info lists what the engine completes a handshake in: TLS 1.3, its five
# suites and its groups and schemes among the rest.
for want in TLSv1.3 TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256 \
            TLS_AES_128_CCM_SHA256 TLS_AES_128_CCM_8_SHA256 x448 secp521r1 ffdhe8192 ed25519 ed448 \
            rsa_pss_pss_sha256 ecdsa_secp521r1_sha512; do
  "$bin" info | grep -qw "$want" || { echo "FAIL: info lacks $want"; fail=1; }
done
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
# Each suite list takes only its own versions' suites (as OpenSSL's -cipher
# and -ciphersuites); groups must be ones the engine has.
expect 2 connect 127.0.0.1:1 --suites TLS_AES_128_GCM_SHA256
expect 2 connect 127.0.0.1:1 --tls13-suites ECDHE-RSA-AES128-GCM-SHA256
expect 2 connect 127.0.0.1:1 --groups no-such-group
"$bin" connect 127.0.0.1:1 --timeout 2 </dev/null >/dev/null 2>&1
[ $? -eq 1 ] || { echo "FAIL: connect to a closed port should exit 1"; fail=1; }
expect 2 decode "$work/missing.hex"
expect 2 decode
exit "$fail"
