#!/usr/bin/env python3
"""Prints scripts/bench.sh's one table from the runs it collected.

Usage: report.py WORKDIR. WORKDIR holds handshake.json, bulk.json and
memory.json (Google Benchmark JSON, with median aggregates when repeated),
load-ours-N.txt and load-openssl-N.txt (loadgen lines) and fuzz-table.txt
(a header line, then "target execs/s" per fuzz target). Each row: ours, OpenSSL's, ours/OpenSSL
and the issue's target for that ratio where it sets one.
"""
import json
import os
import sys

work = sys.argv[1]
rows = []  # (figure, ours, theirs, unit, target) ; target ">=x", "<=x" or ""


def benchmarks(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return {}
    out = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("error_occurred"):
            continue
        # With repetitions, keep the median; without, the only run.
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        out[b["run_name"]] = b
    return out


hs = benchmarks("handshake.json")
scenarios = [
    ("ecdhe_rsa_aes128_gcm_full", "ECDHE-RSA-AES128-GCM-SHA256 full"),
    ("rsa_aes128_sha_full", "RSA-AES128-SHA full"),
    ("resume_session_id", "resumption by session ID"),
    ("resume_ticket", "resumption by ticket"),
    ("tls13_x25519_rsa_full", "TLS 1.3 x25519 RSA full"),
    ("tls13_x25519_ecdsa_full", "TLS 1.3 x25519 ECDSA full"),
    ("tls13_psk_dhe_resume", "TLS 1.3 PSK-DHE resumption"),
]
pairings = [
    ("ours_client/ours_server", "engine<->engine"),
    ("ours_client/openssl_server", "our client->OpenSSL server"),
    ("openssl_client/ours_server", "OpenSSL client->our server"),
]


def rate(b, counter):
    return b[counter] if b and counter in b else None


for key, label in scenarios:
    base = hs.get(f"handshake/{key}/openssl_client/openssl_server")
    for pair, plabel in pairings:
        ours = hs.get(f"handshake/{key}/{pair}")
        rows.append((f"handshakes/s {label}, {plabel}", rate(ours, "handshakes_per_s"),
                     rate(base, "handshakes_per_s"), "/s", ">=1.0"))

bulk = benchmarks("bulk.json")
for key, label in [("aes128_gcm", "AES-128-GCM"), ("chacha20_poly1305", "ChaCha20-Poly1305"),
                   ("aes128_cbc_sha256", "AES-128-CBC-SHA256")]:
    for size, slabel in [("16384", "16 KiB"), ("1024", "1 KiB")]:
        mb = lambda b: b["bytes_per_second"] / 1e6 if b else None
        rows.append((f"MB/s {label}, {slabel} writes", mb(bulk.get(f"bulk/{key}/{size}/ours")),
                     mb(bulk.get(f"bulk/{key}/{size}/openssl")), "MB/s", ">=0.95"))

mem = benchmarks("memory.json")
for counter, label, target in [("server_idle_bytes", "bytes per idle connection, server", "<=1.0"),
                               ("client_idle_bytes", "bytes per idle connection, client", "<=1.0"),
                               ("server_peak_bytes", "peak bytes per handshake, server", ""),
                               ("client_peak_bytes", "peak bytes per handshake, client", "")]:
    rows.append((label, rate(mem.get("memory/ours"), counter),
                 rate(mem.get("memory/openssl"), counter), "B", target))


def load(impl, n):
    path = os.path.join(work, f"load-{impl}-{n}.txt")
    if not os.path.exists(path):
        return {}
    fields = dict(kv.split("=") for kv in open(path).read().split() if "=" in kv)
    out = {k: float(v) for k, v in fields.items()}
    if not out.get("handshakes"):  # no latency to speak of
        out.pop("p50_ms", None)
        out.pop("p99_ms", None)
    return out


for n in (1, 16, 256):
    ours, theirs = load("ours", n), load("openssl", n)
    rows.append((f"serve, {n} clients: handshakes/s", ours.get("per_second"),
                 theirs.get("per_second"), "/s", ">=1.0"))
    rows.append((f"serve, {n} clients: p99 latency", ours.get("p99_ms"), theirs.get("p99_ms"),
                 "ms", ""))

# Under 300 idle connections the figure is the server's: a stalled one
# completes none, and the ratio is then undefined rather than infinite.
ours, theirs = load("ours", "idle300"), load("openssl", "idle300")
rows.append(("serve, 16 clients + 300 idle connections: handshakes/s", ours.get("per_second"),
             theirs.get("per_second"), "/s", ">=1.0"))
rows.append(("serve, 16 clients + 300 idle connections: p99 latency", ours.get("p99_ms"),
             theirs.get("p99_ms"), "ms", ""))

fuzz_table = os.path.join(work, "fuzz-table.txt")
if os.path.exists(fuzz_table):
    for line in sorted(open(fuzz_table).read().splitlines()[1:]):
        fields = line.split()
        if len(fields) >= 2 and fields[1].isdigit():
            rows.append((f"fuzz {fields[0]}: execs/s", float(fields[1]), None, "/s", ""))


def fmt(v):
    if v is None:
        return "-"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"


header = ("figure", "ours", "OpenSSL", "ratio", "target", "met")
table = []
for figure, ours, theirs, unit, target in rows:
    ratio = ours / theirs if ours is not None and theirs else None
    met = ""
    if target and ratio is not None:
        bound = float(target[2:])
        met = "yes" if (ratio >= bound if target.startswith(">=") else ratio <= bound) else "NO"
    table.append((figure, fmt(ours) + " " + unit, fmt(theirs) + " " + unit if theirs is not None else "-",
                  f"{ratio:.2f}" if ratio is not None else "-", target.replace(">=", ">= ").replace("<=", "<= "), met))
widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(line(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in table:
    print(line(r))
