#!/usr/bin/env python3
"""Writes the seed corpora of the parser fuzz targets (corpora/<target>/)
from the real handshake messages in engine/messages/handshake/testdata
(captured from OpenSSL and GnuTLS by capture.sh) plus a few hand-built SSLv2,
TLS 1.3 and record-layer inputs. Files are named by their SHA-1, as libFuzzer
names corpus entries, so rerunning is idempotent. Run from the repository
root; then minimize with scripts/fuzz.sh --merge once it exists.
"""
import hashlib
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "engine/messages/handshake/testdata"
CORPORA = ROOT / "corpora"

TLS12 = 0x30  # version bits of the tls12_messages selector
FORMS = {"rsa": 0, "dhe": 1, "ecdhe": 2}


def fixture(path):
    text = "".join(l for l in path.read_text().splitlines() if not l.startswith("#"))
    return bytes.fromhex(text)


def record(content_type, body, version=b"\x03\x03"):
    return bytes([content_type]) + version + len(body).to_bytes(2, "big") + body


def write(target, data):
    d = CORPORA / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def extensions_block(hello_body, server):
    # version(2) random(32) session_id
    i = 34
    i += 1 + hello_body[i]
    if server:
        i += 3
    else:
        i += 2 + int.from_bytes(hello_body[i:i + 2], "big")
        i += 1 + hello_body[i]
    return hello_body[i + 2:]


def main():
    messages = {}
    for path in sorted(FIXTURES.glob("*.hex")):
        framed = fixture(path)
        messages[path.stem] = framed
        body = framed[4:]
        parts = path.stem.split("-")  # source[-form]-kind
        form, kind = (parts[1] if len(parts) == 3 else ""), parts[-1]
        write("record_header", record(22, framed))
        write("decode", (record(22, framed).hex() + "\n").encode())
        if kind == "client_hello":
            write("client_hello", body)
            write("extensions", bytes([0]) + extensions_block(body, False))
        elif kind == "server_hello":
            write("server_hello", body)
            write("extensions", bytes([1]) + extensions_block(body, True))
        else:
            selector = {"certificate": 0, "certificate_request": 1, "certificate_verify": 2,
                        "client_key_exchange": 3, "server_key_exchange": 4}[kind]
            selector |= TLS12 | (FORMS.get(form, 0) << 6)
            write("tls12_messages", bytes([selector]) + body)
    flight = b"".join(v for k, v in messages.items() if k.startswith("openssl-ecdhe-s"))
    for fragment in (0, 4, 255):
        write("handshake_framing", bytes([fragment]) + flight)
    write("tls12_messages", bytes([5 | TLS12]) + bytes(12))
    write("tls12_messages", bytes([5]) + bytes(36))
    write("tls12_messages", bytes([6]) + bytes.fromhex("00001c20 0004 01020304".replace(" ", "")))
    write("tls12_messages", bytes([7, 2, 40]))
    write("tls12_messages", bytes([8, 1]))
    write("record_header", record(21, b"\x02\x28") + record(23, bytes(20)))
    challenge = bytes(range(16))
    ssl2_hello = bytes.fromhex("010301000c0000001000002f0000350000ff010080") + challenge
    write("record_header", (0x8000 | len(ssl2_hello)).to_bytes(2, "big") + ssl2_hello)
    write("ssl2_messages", ssl2_hello)
    write("ssl2_messages", bytes.fromhex("0400010002000300030010aabbcc010080") + challenge)
    write("ssl2_messages", bytes.fromhex("020700c0000000040008010203040102030405060708"))
    write("ssl2_messages", bytes.fromhex("08010002000300aabb010203"))
    for t in (3, 5, 6):
        write("ssl2_messages", bytes([t]) + challenge)
    write("ssl2_messages", bytes([7, 1]) + challenge)
    write("ssl2_messages", bytes.fromhex("000001"))
    write("decode", ((0x8000 | len(ssl2_hello)).to_bytes(2, "big") + ssl2_hello).hex().encode())
    tls13 = [
        "00" + "0010000a00040002001d000000000017" + "0000",
        "01" + "020102000013000003aabbcc0000000002ddee0004fafa0000",
        "02" + "000008000d000400020804",
        "03" + "00093a800102030402 0a0b0003aabbcc0008002a000400004000".replace(" ", ""),
        "0401",
        "05",
    ]
    for hexed in tls13:
        write("tls13_messages", bytes.fromhex(hexed.replace(" ", "")))


if __name__ == "__main__":
    main()
