#!/usr/bin/env python3
"""Hostile TLS servers on loopback, for the tests that keep `gauntlet run` and
`gauntlet connect` honest: each prints "listening PORT" and serves until
killed (or until --seconds pass, so a forgotten one cannot outlive a test).

  garbage   answers every connection with an HTTP error, then closes
  flood     answers with a HelloRequest record every 2 ms, without end
  silent    accepts, reads, never answers
  halfopen  accepts and closes its sending side at once (a FIN), then reads
"""
import argparse
import select
import socket
import threading
import time

HELLO_REQUEST = bytes([22, 3, 3, 0, 4, 0, 0, 0, 0])


def serve_one(conn, mode, until):
    conn.settimeout(max(0.1, until - time.time()))
    try:
        if mode == "halfopen":
            conn.shutdown(socket.SHUT_WR)
        data = conn.recv(65536)
        if not data:
            return
        if mode == "garbage":
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        elif mode == "flood":
            while time.time() < until:
                conn.sendall(HELLO_REQUEST)
                time.sleep(0.002)
        else:  # silent, halfopen: read and discard until the peer leaves
            while time.time() < until and conn.recv(65536):
                pass
    except OSError:
        pass
    finally:
        conn.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["garbage", "flood", "silent", "halfopen"])
    p.add_argument("--seconds", type=float, default=120)
    a = p.parse_args()
    until = time.time() + a.seconds
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(128)
    print("listening", srv.getsockname()[1], flush=True)
    while time.time() < until:
        ready, _, _ = select.select([srv], [], [], 0.2)
        if ready:
            conn, _ = srv.accept()
            threading.Thread(target=serve_one, args=(conn, a.mode, until), daemon=True).start()


if __name__ == "__main__":
    main()
