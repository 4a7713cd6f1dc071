#!/usr/bin/env python3
"""Hostile clients against `gauntlet serve` on loopback: slowloris, an
oversized --www request, a renegotiation storm, a stalled handshake and
SIGTERM with idle connections held. Each case has its own server on a free
port, a hard time limit, and stops what it started; any failed case fails
the test."""
import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

GAUNTLET = os.path.realpath(sys.argv[1])
PKI = os.path.realpath(sys.argv[2])
WORK = tempfile.mkdtemp()
failures = []
passes = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """A gauntlet serve process, killed on exit whatever happened."""

    def __init__(self, *args):
        self.port = free_port()
        self.log = os.path.join(WORK, f"serve-{self.port}.log")
        self.proc = subprocess.Popen(
            [GAUNTLET, "serve", "--port", str(self.port),
             "--cert", f"{PKI}/server-rsa-chain.pem", "--key", f"{PKI}/server-rsa.key", *args],
            stdout=subprocess.DEVNULL, stderr=open(self.log, "w"))
        deadline = time.monotonic() + 10
        while "listening" not in self.text():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("serve did not start: " + self.text())
            time.sleep(0.05)

    def text(self):
        with open(self.log, errors="replace") as f:
            return f.read()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def tls_client(port, timeout=5):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(f"{PKI}/root-ca.pem")
    ctx.minimum_version = ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    return ctx.wrap_socket(sock, server_hostname="localhost")


def case(name):
    def run(fn):
        try:
            fn()
            print(f"PASS {name}")
            passes.append(name)
        except Exception as e:  # any failure, assertion or socket error
            print(f"FAIL {name}: {e!r}")
            failures.append(name)
        return fn
    return run


def idle_connections(port, count):
    """Plain TCP connections; every other one sends half a record header."""
    held = []
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        if i % 2:
            s.sendall(b"\x16\x03")
        held.append(s)
    return held


@case("slowloris: 300 idle connections, a real client's handshake within 1 s")
def slowloris():
    with Serve() as serve:
        held = idle_connections(serve.port, 300)
        time.sleep(0.2)
        start = time.monotonic()
        with tls_client(serve.port) as c:
            c.sendall(b"ping")
            assert c.recv(4) == b"ping", "no echo"
        took = time.monotonic() - start
        for s in held:
            s.close()
        assert took < 1.0, f"handshake took {took:.2f} s"


@case("--www: a request head over 8 KiB is answered 431 and closed")
def oversized_request():
    with Serve("--www") as serve, tls_client(serve.port) as c:
        try:
            c.sendall(b"GET / HTTP/1.0\r\nX-Fill: " + b"a" * 20000)
        except OSError:
            pass  # the server may close before taking it all
        answer = b""
        while True:
            try:
                chunk = c.recv(4096)
            except (ssl.SSLEOFError, ConnectionResetError):
                break
            if not chunk:
                break
            answer += chunk
        assert answer.startswith(b"HTTP/1.0 431 "), answer[:60]


@case("renegotiation storm: limited, refused with the no_renegotiation warning")
def renegotiation_storm():
    with Serve("--max-renegotiations", "2", "--versions", "tls1.2") as serve:
        # s_client renegotiates on each "R" line; OpenSSL's client ends the
        # connection when its renegotiation is refused.
        script = "".join("sleep 0.3; echo R; " for _ in range(6)) + "sleep 1"
        start = time.monotonic()
        out = subprocess.run(
            ["bash", "-c", f"({script}) | timeout 20 openssl s_client -connect 127.0.0.1:{serve.port} "
             f"-tls1_2 -CAfile {PKI}/root-ca.pem -servername localhost"],
            capture_output=True, text=True, timeout=30)
        took = time.monotonic() - start
        both = out.stdout + out.stderr
        assert both.count("RENEGOTIATING") >= 3, both[-2000:]
        assert "no renegotiation" in both, both[-2000:]
        assert took < 10, f"took {took:.1f} s"


@case("--www renegotiation storm: bounded, not held to the deadline")
def www_renegotiation_storm():
    with Serve("--www", "--max-renegotiations", "1", "--idle-timeout", "30") as serve:
        script = "".join("sleep 0.3; echo R; " for _ in range(4)) + "sleep 1"
        start = time.monotonic()
        out = subprocess.run(
            ["bash", "-c", f"({script}) | timeout 20 openssl s_client -connect 127.0.0.1:{serve.port} "
             f"-tls1_2 -CAfile {PKI}/root-ca.pem -servername localhost"],
            capture_output=True, text=True, timeout=30)
        took = time.monotonic() - start
        assert "no renegotiation" in out.stdout + out.stderr, (out.stdout + out.stderr)[-2000:]
        assert took < 10, f"took {took:.1f} s"


@case("a stalled handshake is closed at --handshake-timeout")
def stalled_handshake():
    with Serve("--handshake-timeout", "1") as serve:
        s = socket.create_connection(("127.0.0.1", serve.port), timeout=5)
        s.sendall(b"\x16\x03\x01\x00\x80\x01\x00")  # a ClientHello's first bytes
        start = time.monotonic()
        assert s.recv(100) == b"", "server sent something"
        took = time.monotonic() - start
        s.close()
        assert 0.8 < took < 2.5, f"closed after {took:.2f} s"
        assert "handshake timeout" in serve.text(), serve.text()


@case("an idle established connection is closed at --idle-timeout")
def idle_connection():
    with Serve("--idle-timeout", "1") as serve, tls_client(serve.port) as c:
        start = time.monotonic()
        assert c.recv(10) == b"", "data from an idle server"
        took = time.monotonic() - start
        assert 0.8 < took < 2.5, f"closed after {took:.2f} s"


@case("SIGTERM with idle connections held: exit within 1 s")
def sigterm():
    with Serve() as serve:
        held = idle_connections(serve.port, 100)
        established = tls_client(serve.port)
        time.sleep(0.2)
        start = time.monotonic()
        serve.proc.send_signal(signal.SIGTERM)
        code = serve.proc.wait(timeout=5)
        took = time.monotonic() - start
        established.close()
        for s in held:
            s.close()
        assert code == 0, f"exit {code}"
        assert took < 1.0, f"exit took {took:.2f} s"


@case("bad option values exit 2")
def bad_values():
    for args in (["--handshake-timeout", "0"], ["--idle-timeout", "-1"], ["--timeout", "100000"],
                 ["--max-connections", "0"], ["--max-renegotiations", "-3"],
                 ["--threads", "1000"]):
        code = subprocess.run([GAUNTLET, "serve", "--port", "0", "--cert",
                               f"{PKI}/server-rsa-chain.pem", "--key", f"{PKI}/server-rsa.key",
                               *args], capture_output=True, timeout=10).returncode
        assert code == 2, f"{args}: exit {code}"


@case("a key that is not the certificate's is refused at start, exit 2")
def key_mismatch():
    out = subprocess.run([GAUNTLET, "serve", "--port", "0", "--cert", f"{PKI}/server-rsa-chain.pem",
                          "--key", f"{PKI}/server-ecdsa.key"],
                         capture_output=True, text=True, timeout=10)
    assert out.returncode == 2, f"exit {out.returncode}"
    assert "does not match" in out.stderr, out.stderr


print(f"{len(passes)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
