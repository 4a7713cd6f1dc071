#!/usr/bin/env bash
# Our command-line peers against real OpenSSL and GnuTLS processes on
# loopback: `gauntlet serve` with openssl s_client and gnutls-cli, `gauntlet
# connect` with openssl s_server and gnutls-serv, TLS 1.3 (both programs'
# default) and below. Each case has a hard time limit, a free port, and
# stops what it started. A missing tool skips its cases with a message; any
# failed case fails the test.
set -uo pipefail

gauntlet=$(realpath "$1")
pki=$(realpath "$2")
source interop/test_lib.sh

start_serve() {  # port, extra args...
  start_serve_default "$@" --versions tls1.0:tls1.2
}

start_serve_default() {  # port, extra args... (TLS 1.2 and 1.3 unless told)
  local port=$1
  shift
  timeout 60 "$gauntlet" serve --port "$port" --cert "$pki/server-rsa-chain.pem" \
    --key "$pki/server-rsa.key" "$@" 2>"$work/serve-$port.log" &
  pids+=($!)
  wait_port "$port"
}

# --- gauntlet serve, TLS 1.3 by default, against openssl s_client ------------
if have openssl; then
  port=$(free_port)
  start_serve_default "$port" --tickets
  for suite in TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256 \
               TLS_AES_128_CCM_SHA256 TLS_AES_128_CCM_8_SHA256; do
    out="$work/sclient13-$suite"
    echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -ciphersuites "$suite" \
      -CAfile "$pki/root-ca.pem" -servername localhost -verify_return_error >"$out" 2>&1
    if grep -q "New, TLSv1.3, Cipher is $suite" "$out" && grep -q "Verify return code: 0 (ok)" "$out"; then
      pass "serve <- s_client TLS 1.3 $suite"
    else
      fail "serve <- s_client TLS 1.3 $suite" "$out" "$work/serve-$port.log"
    fi
  done
  # Middlebox compatibility mode is on unless turned off; a retry asked of
  # every client shows in the log line as hrr=yes (RFC 8446 §4.1.4).
  for flags in "--hrr" "--no-middlebox-compat" "--groups P-384"; do
    port=$(free_port)
    start_serve_default "$port" $flags
    out="$work/sclient13$flags"
    echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -groups X25519:P-384 \
      -CAfile "$pki/root-ca.pem" -servername localhost -verify_return_error >"$out" 2>&1
    want="hrr=no"
    [ "$flags" = "--no-middlebox-compat" ] || want="hrr=yes"
    if grep -q "New, TLSv1.3" "$out" && grep -q "Verify return code: 0 (ok)" "$out" &&
       grep -q "TLSv1.3 .*$want" "$work/serve-$port.log"; then
      pass "serve $flags <- s_client TLS 1.3 ($want)"
    else
      fail "serve $flags <- s_client TLS 1.3 ($want)" "$out" "$work/serve-$port.log"
    fi
  done
fi

# --- gauntlet serve, TLS 1.3 by default, against gnutls-cli ------------------
if have gnutls-cli; then
  port=$(free_port)
  start_serve_default "$port"
  out="$work/gnutls-cli-13"
  echo ping | timeout 20 gnutls-cli --x509cafile="$pki/root-ca.pem" --port="$port" localhost >"$out" 2>&1
  if grep -q "Handshake was completed" "$out" && grep -q "Description: (TLS1.3" "$out"; then
    pass "serve <- gnutls-cli TLS 1.3"
  else
    fail "serve <- gnutls-cli TLS 1.3" "$out" "$work/serve-$port.log"
  fi
fi

# --- gauntlet connect, TLS 1.3 by default, against openssl s_server -----------
if have openssl; then
  # Each: connect's extra flags | s_server's | what connect must print. After
  # a KeyUpdate s_server -www sleeps a second before it reads the request, so
  # the page comes only if connect waits for the server's KeyUpdate.
  for c in "||hello retry: *no" "--no-middlebox-compat||hello retry: *no" "--groups x25519,P-384|-groups P-384|hello retry: *yes" \
           "--tls13-suites TLS_CHACHA20_POLY1305_SHA256||TLS_CHACHA20_POLY1305_SHA256" \
           "--key-update||key update answered by the peer"; do
    IFS='|' read -r ours theirs want <<<"$c"
    port=$(free_port)
    timeout 30 openssl s_server -accept "$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
      -cert_chain "$pki/intermediate-ca.pem" -www -naccept 1 $theirs >"$work/s_server13-$port.log" 2>&1 &
    pids+=($!)
    wait_port "$port"
    out="$work/connect13-$port"
    printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 "$gauntlet" connect "127.0.0.1:$port" \
      --sni localhost --ca "$pki/root-ca.pem" $ours >"$out" 2>&1
    # The page s_server sends back names the version; its two tickets came first.
    if grep -q "version: *TLSv1.3" "$out" && grep -q "Protocol *: TLSv1.3" "$out" &&
       grep -q "$want" "$out" && grep -q "tickets received: 2" "$out"; then
      pass "connect $ours -> s_server $theirs TLS 1.3"
    else
      fail "connect $ours -> s_server $theirs TLS 1.3" "$out" "$work/s_server13-$port.log"
    fi
  done
  port=$(free_port)
  timeout 30 openssl s_server -accept "$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
    -cert_chain "$pki/intermediate-ca.pem" -www >"$work/s_server13-resume.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  out="$work/connect13-resume"
  timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost --ca "$pki/root-ca.pem" --resume 2 \
    </dev/null >"$out" 2>&1
  if grep -q "version: *TLSv1.3" "$out" && [ "$(grep -c 'reconnection .: resumed' "$out")" -eq 2 ]; then
    pass "connect --resume 2 -> s_server TLS 1.3"
  else
    fail "connect --resume 2 -> s_server TLS 1.3" "$out"
  fi
fi

# --- gauntlet serve against openssl s_client --------------------------------
if have openssl; then
  port=$(free_port)
  start_serve "$port" --tickets --keylog "$work/keylog" --ca "$pki/root-ca.pem" --verify optional
  for c in "tls1_2 ECDHE-RSA-AES128-GCM-SHA256" "tls1 AES128-SHA" "tls1_2 DHE-RSA-AES128-SHA256" \
           "tls1_1 ECDHE-RSA-AES256-SHA"; do
    set -- $c
    out="$work/sclient-$1-$2"
    # Security level 0: TLS 1.0/1.1 sign with MD5+SHA-1, which level 1 refuses.
    echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -"$1" -cipher "$2:@SECLEVEL=0" \
      -CAfile "$pki/root-ca.pem" -servername localhost -verify_return_error >"$out" 2>&1
    if grep -q "Cipher is $2" "$out" && grep -q "Verify return code: 0 (ok)" "$out"; then
      pass "serve <- s_client -$1 $2"
    else
      fail "serve <- s_client -$1 $2" "$out"
    fi
  done
  out="$work/sclient-reconnect"
  timeout 30 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -reconnect -CAfile "$pki/root-ca.pem" \
    -servername localhost </dev/null >"$out" 2>&1
  if [ "$(grep -c '^Reused' "$out")" -ge 5 ]; then pass "serve <- s_client -reconnect resumes"
  else fail "serve <- s_client -reconnect resumes" "$out"; fi
  out="$work/sclient-cert"
  echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -CAfile "$pki/root-ca.pem" \
    -cert "$pki/client-rsa.pem" -key "$pki/client-rsa.key" -cert_chain "$pki/intermediate-ca.pem" \
    -servername localhost >"$out" 2>&1
  if grep -q "Verify return code: 0" "$out" && grep -q "client-rsa\|resumed=no" "$work/serve-$port.log"; then
    pass "serve <- s_client with a client certificate"
  else
    fail "serve <- s_client with a client certificate" "$out" "$work/serve-$port.log"
  fi
  # A client sending garbage ends only its own connection. Random bytes may
  # also announce a record longer than they are, which the server then waits
  # for until the client closes: either ending is its own connection's.
  head -c 3000 /dev/urandom | timeout 5 python3 -c "
import socket,sys; s=socket.create_connection(('127.0.0.1',$port)); s.sendall(sys.stdin.buffer.read()); s.settimeout(3)
try: s.recv(100)
except Exception: pass" 2>/dev/null
  out="$work/sclient-after-garbage"
  echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/root-ca.pem" \
    -servername localhost >"$out" 2>&1
  if grep -q "Verify return code: 0" "$out" &&
    grep -Eq "handshake failed|closed TCP during the handshake" "$work/serve-$port.log"; then
    pass "serve survives a garbage client and serves the next"
  else
    fail "serve survives a garbage client and serves the next" "$out" "$work/serve-$port.log"
  fi
  if grep -Eq '^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$' "$work/keylog"; then
    pass "serve --keylog writes NSS key log lines"
  else
    fail "serve --keylog writes NSS key log lines" "$work/keylog"
  fi
fi

# --- gauntlet serve: a bounded number of connections --------------------------
if have openssl; then
  # Two silent clients hold both of the server's slots until its 2-second
  # timeout ends their handshakes; a third client waits in the accept queue
  # until then, and SIGTERM then stops the server at once.
  port=$(free_port)
  start_serve "$port" --max-connections 2 --timeout 2
  serve_pid=${pids[-1]}
  timeout 10 python3 -c "
import socket,time; a=[socket.create_connection(('127.0.0.1',$port)) for _ in range(2)]; time.sleep(4)" &
  pids+=($!)
  sleep 0.5
  out="$work/sclient-third"
  start=$(date +%s%N)
  echo ping | timeout 20 openssl s_client -connect "127.0.0.1:$port" -CAfile "$pki/root-ca.pem" \
    -servername localhost >"$out" 2>&1
  waited_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if grep -q "Verify return code: 0" "$out" && [ "$waited_ms" -ge 1000 ]; then
    pass "serve --max-connections 2 serves a third client once a slot is free (${waited_ms} ms)"
  else
    fail "serve --max-connections 2 serves a third client once a slot is free (${waited_ms} ms)" \
      "$out" "$work/serve-$port.log"
  fi
  kill -TERM "$serve_pid"
  if timeout 5 tail --pid="$serve_pid" -f /dev/null; then pass "serve stops on SIGTERM"
  else fail "serve stops on SIGTERM" "$work/serve-$port.log"; fi
fi

# --- gauntlet serve against gnutls-cli --------------------------------------
if have gnutls-cli; then
  port=$(free_port)
  start_serve "$port" --tickets
  for prio in "NORMAL:-VERS-ALL:+VERS-TLS1.2" "NORMAL:-VERS-ALL:+VERS-TLS1.1:-KX-ALL:+RSA"; do
    out="$work/gnutls-cli-$prio"
    echo ping | timeout 20 gnutls-cli --x509cafile="$pki/root-ca.pem" --port="$port" \
      --priority="$prio" localhost >"$out" 2>&1
    if grep -q "Handshake was completed" "$out" && grep -q "ping" "$out"; then
      pass "serve <- gnutls-cli $prio"
    else
      fail "serve <- gnutls-cli $prio" "$out" "$work/serve-$port.log"
    fi
  done
  out="$work/gnutls-cli-resume"
  timeout 20 gnutls-cli --x509cafile="$pki/root-ca.pem" --port="$port" --resume localhost \
    </dev/null >"$out" 2>&1
  if grep -q "This is a resumed session" "$out"; then pass "serve <- gnutls-cli --resume"
  else fail "serve <- gnutls-cli --resume" "$out"; fi
fi

# --- gauntlet connect against openssl s_server ------------------------------
if have openssl; then
  for v in tls1_2 tls1_1; do
    port=$(free_port)
    timeout 30 openssl s_server -accept "$port" -"$v" -cipher 'DEFAULT:@SECLEVEL=0' -cert "$pki/server-rsa.pem" \
      -key "$pki/server-rsa.key" -cert_chain "$pki/intermediate-ca.pem" -www -naccept 1 \
      >"$work/s_server-$v.log" 2>&1 &
    pids+=($!)
    wait_port "$port"
    out="$work/connect-$v"
    printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 "$gauntlet" connect "127.0.0.1:$port" \
      --sni localhost --ca "$pki/root-ca.pem" >"$out" 2>&1
    want=$([ "$v" = tls1_2 ] && echo TLSv1.2 || echo TLSv1.1)
    if grep -q "version: *$want" "$out" && grep -q "Protocol *: $want" "$out"; then
      pass "connect -> s_server -$v -www"
    else
      fail "connect -> s_server -$v -www" "$out" "$work/s_server-$v.log"
    fi
  done
  port=$(free_port)
  timeout 30 openssl s_server -accept "$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
    -cert_chain "$pki/intermediate-ca.pem" -Verify 2 -CAfile "$pki/root-ca.pem" -www -naccept 1 \
    >"$work/s_server-verify.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  out="$work/connect-cert"
  printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost \
    --ca "$pki/root-ca.pem" --cert "$pki/client-rsa-chain.pem" --key "$pki/client-rsa.key" >"$out" 2>&1
  if grep -q "Protocol *: TLSv1.3" "$out" && grep -q "client-rsa" "$work/s_server-verify.log"; then
    pass "connect -> s_server -Verify with a client certificate"
  else
    fail "connect -> s_server -Verify with a client certificate" "$out" "$work/s_server-verify.log"
  fi
  # With --ca and no --sni the chain must name the target's host; an
  # address is verified but not sent as SNI (RFC 6066 §3).
  for leaf in server-rsa server-wrong-name; do
    port=$(free_port)
    timeout 30 openssl s_server -accept "$port" -cert "$pki/$leaf.pem" -key "$pki/$leaf.key" \
      -cert_chain "$pki/intermediate-ca.pem" -tlsextdebug -www -naccept 1 >"$work/s_server-$leaf.log" 2>&1 &
    pids+=($!)
    wait_port "$port"
    out="$work/connect-host-$leaf"
    timeout 20 "$gauntlet" connect "127.0.0.1:$port" --ca "$pki/root-ca.pem" </dev/null >"$out" 2>&1
    status=$?
    if [ "$leaf" = server-rsa ] && [ "$status" -eq 0 ] && ! grep -q "server name" "$work/s_server-$leaf.log"; then
      pass "connect --ca 127.0.0.1 -> a chain naming it, no SNI sent"
    elif [ "$leaf" = server-wrong-name ] && [ "$status" -eq 1 ]; then
      pass "connect --ca 127.0.0.1 -> a chain naming another host is refused"
    else
      fail "connect --ca 127.0.0.1 -> $leaf (exit $status)" "$out" "$work/s_server-$leaf.log"
    fi
  done
  port=$(free_port)
  timeout 30 openssl s_server -accept "$port" -cert "$pki/server-rsa.pem" -key "$pki/server-rsa.key" \
    -cert_chain "$pki/intermediate-ca.pem" -www >"$work/s_server-resume.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  out="$work/connect-resume"
  timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost --ca "$pki/root-ca.pem" --resume 2 \
    --versions tls1.2 </dev/null >"$out" 2>&1
  if [ "$(grep -c 'reconnection .: resumed' "$out")" -eq 2 ]; then pass "connect --resume 2 -> s_server"
  else fail "connect --resume 2 -> s_server" "$out"; fi
fi

# --- gauntlet connect against gnutls-serv -----------------------------------
if have gnutls-serv; then
  port=$(free_port)
  timeout 30 gnutls-serv --x509certfile="$pki/server-rsa-chain.pem" --x509keyfile="$pki/server-rsa.key" \
    --port="$port" --echo >"$work/gnutls-serv.log" 2>&1 &
  pids+=($!)
  wait_port "$port"
  out="$work/connect-gnutls"
  echo "echo me" | timeout 20 "$gauntlet" connect "127.0.0.1:$port" --sni localhost \
    --ca "$pki/root-ca.pem" --resume 1 --versions tls1.0:tls1.2 >"$out" 2>&1
  if grep -q "version: *TLSv1.2" "$out" && grep -q "echo me" "$out" && grep -q "reconnection 1: resumed" "$out"; then
    pass "connect -> gnutls-serv --echo"
  else
    fail "connect -> gnutls-serv --echo" "$out" "$work/gnutls-serv.log"
  fi
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
