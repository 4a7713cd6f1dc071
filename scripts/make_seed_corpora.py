#!/usr/bin/env python3
"""Writes the seed corpora of the parser fuzz targets (corpora/<target>/)
from the real handshake messages in engine/messages/handshake/testdata
(captured from OpenSSL and GnuTLS by capture.sh), the test PKI in
engine/crypto/testdata, and hand-built inputs for what no capture holds
(older versions' forms, SSLv2, TLS 1.3, extension bodies, session state).
Files are named by their SHA-1, as libFuzzer names corpus entries, so
rerunning is idempotent. Run from the repository root. The targets that open
protected data and the stateful ones have their own generators
(//fuzz/crypto:make_corpus, //fuzz/stateful:make_corpus).
"""
import base64
import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "engine/messages/handshake/testdata"
SCENARIOS = ROOT / "conformance/scenarios"
PKI = ROOT / "engine/crypto/testdata"
CORPORA = ROOT / "corpora"
# The stateful targets' settings header (fuzz/stateful/settings.h, format 3).
SETTINGS_HEADER = 5

# fuzz/selectors.h: the low two bits pick the version.
SSL3, TLS10, TLS11, TLS12 = 0, 1, 2, 3

# The typed alternatives of ExtensionBody (extension_body.h) after
# RawExtension, in order: the extension_body target's selector.
BODIES = ["ServerNameList", "ServerNameAck", "SupportedGroups", "EcPointFormats",
          "SignatureAlgorithms", "SignatureAlgorithmsCert", "ExtendedMasterSecret",
          "RenegotiationInfo", "SessionTicketExtension", "EncryptThenMac", "Alpn",
          "StatusRequest", "StatusRequestAck", "MaxFragmentLength", "RecordSizeLimit", "Padding",
          "Heartbeat", "SupportedVersionsList", "SelectedVersion", "ClientKeyShares",
          "ServerKeyShare", "KeyShareHelloRetry", "PskKeyExchangeModes", "OfferedPsks",
          "SelectedPsk", "EarlyDataIndication", "MaxEarlyDataSize", "Cookie",
          "PostHandshakeAuth"]
# Which body an extension type has in a ClientHello or a ServerHello
# (extensions.cc holds the engine's table).
CLIENT_BODIES = {0: "ServerNameList", 1: "MaxFragmentLength", 5: "StatusRequest",
                 10: "SupportedGroups", 11: "EcPointFormats", 13: "SignatureAlgorithms",
                 15: "Heartbeat", 16: "Alpn", 21: "Padding", 22: "EncryptThenMac",
                 23: "ExtendedMasterSecret", 28: "RecordSizeLimit",
                 35: "SessionTicketExtension", 41: "OfferedPsks", 42: "EarlyDataIndication",
                 43: "SupportedVersionsList", 44: "Cookie", 45: "PskKeyExchangeModes",
                 49: "PostHandshakeAuth", 50: "SignatureAlgorithmsCert", 51: "ClientKeyShares",
                 0xff01: "RenegotiationInfo"}
SERVER_BODIES = {0: "ServerNameAck", 5: "StatusRequestAck", 11: "EcPointFormats", 16: "Alpn",
                 22: "EncryptThenMac", 23: "ExtendedMasterSecret", 35: "SessionTicketExtension",
                 41: "SelectedPsk", 43: "SelectedVersion", 51: "ServerKeyShare",
                 0xff01: "RenegotiationInfo"}


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


def u16(n):
    return n.to_bytes(2, "big")


def vec(width, body):
    return len(body).to_bytes(width, "big") + body


def extension_bodies(block, table):
    i = 0
    while i + 4 <= len(block):
        kind, length = int.from_bytes(block[i:i + 2], "big"), int.from_bytes(block[i + 2:i + 4], "big")
        body = block[i + 4:i + 4 + length]
        if kind in table:
            write("extension_body", bytes([BODIES.index(table[kind])]) + body)
        i += 4 + length


def pem_blocks(path):
    return re.findall(rb"-----BEGIN ([A-Z ]+)-----\n(.*?)-----END", path.read_bytes(), re.S)


# engine/session/session.cc's kStateFormat: a seed of another format stops
# at the format byte.
SESSION_STATE_FORMAT = 4


def session_state(version, suite, secret, ems, name, created, lifetime, chain, age_add=0,
                  max_early_data=0, alpn=b""):
    # engine/session/session.cc: the format, then the fields in this order.
    return (bytes([SESSION_STATE_FORMAT]) + u16(version) + u16(suite) + vec(1, secret) +
            bytes([ems]) + vec(1, name) + created.to_bytes(8, "big") +
            lifetime.to_bytes(4, "big") + age_add.to_bytes(4, "big") +
            max_early_data.to_bytes(4, "big") + vec(1, alpn) +
            vec(3, b"".join(vec(3, c) for c in chain)))


def hand_built():
    """Inputs no capture holds: the older versions' forms and the rare bodies."""
    sig = vec(2, bytes(range(64)))
    dh = vec(2, bytes([0xff]) * 16) + vec(2, b"\x02") + vec(2, bytes([0x55]) * 16)
    point = vec(1, b"\x04" + bytes([0x33]) * 64)
    for version in (SSL3, TLS10, TLS11):
        write("server_key_exchange_dhe", bytes([version]) + dh + sig)
        write("server_key_exchange_ecdhe", bytes([version]) + b"\x03" + u16(23) + point + sig)
        write("certificate_verify", bytes([version]) + sig)
        write("certificate_request", bytes([version]) + vec(1, b"\x01\x02\x40") +
              vec(2, vec(2, b"\x30\x03\x31\x01\x00")))
        write("client_key_exchange_dhe", bytes([version]) + vec(2, bytes([0x44]) * 32))
        write("client_key_exchange_ecdhe", bytes([version]) + point)
    write("client_key_exchange_rsa", bytes([SSL3]) + bytes([0x52]) * 64)
    write("client_key_exchange_rsa", bytes([TLS10]) + vec(2, bytes([0x52]) * 64))
    write("server_key_exchange_ecdhe", bytes([TLS12]) + b"\x03" + u16(29) +
          vec(1, bytes([0x09]) * 32) + u16(0x0804) + sig)
    write("finished", bytes([TLS12]) + bytes(12))
    write("finished", bytes([SSL3]) + bytes(36))
    write("new_session_ticket", bytes.fromhex("00001c20 0004 01020304".replace(" ", "")))
    write("new_session_ticket", bytes(6))
    for alert in ("0100", "0228", "0250", "015a"):
        write("alert", bytes.fromhex(alert))
    for empty in ("0001", "01", "02"):
        write("empty_messages", bytes.fromhex(empty))
    bodies = {
        "ServerNameList": vec(2, b"\x00" + vec(2, b"localhost")),
        "ServerNameAck": b"",
        "MaxFragmentLength": b"\x02",
        "RecordSizeLimit": u16(0x4000),
        "Heartbeat": b"\x01",
        "Padding": bytes(16),
        "StatusRequest": b"\x01" + vec(2, vec(2, b"\x01\x02")) + vec(2, b"\x30\x00"),
        "StatusRequestAck": b"",
        "SupportedVersionsList": vec(1, u16(0x0304) + u16(0x0303)),
        "SelectedVersion": u16(0x0304),
        "ClientKeyShares": vec(2, u16(29) + vec(2, bytes([0x09]) * 32)),
        "ServerKeyShare": u16(23) + vec(2, b"\x04" + bytes([0x33]) * 64),
        "KeyShareHelloRetry": u16(29),
        "PskKeyExchangeModes": vec(1, b"\x00\x01"),
        "OfferedPsks": vec(2, vec(2, b"ticket") + (7200).to_bytes(4, "big")) +
                       vec(2, vec(1, bytes([0x42]) * 32)),
        "SelectedPsk": u16(0),
        "EarlyDataIndication": b"",
        "MaxEarlyDataSize": (16384).to_bytes(4, "big"),
        "Cookie": vec(2, b"cookie"),
        "PostHandshakeAuth": b"",
        "RenegotiationInfo": vec(1, bytes(12)),
        "SessionTicketExtension": b"ticket",
        "Alpn": vec(2, vec(1, b"h2") + vec(1, b"http/1.1")),
        "SignatureAlgorithmsCert": vec(2, u16(0x0804) + u16(0x0403)),
        "EcPointFormats": vec(1, b"\x00"),
    }
    for name, body in bodies.items():
        write("extension_body", bytes([BODIES.index(name)]) + body)
    challenge = bytes(range(16))
    write("ssl2_record_header", bytes.fromhex("8008") + bytes(8) + bytes.fromhex("0010") + bytes(16))
    write("ssl2_record_header", bytes.fromhex("001003") + bytes(16) + bytes.fromhex("800101") + challenge[:1])
    write("session_state", session_state(0x0303, 0xc02f, bytes(48), 0, b"", 1800000000, 7200, []))
    write("session_state", session_state(0x0300, 0x002f, bytes(48), 1, b"localhost", 1800000000,
                                         3600, [bytes(40), b"\x30"]))
    # TLS 1.3 (RFC 8446 §4.6.1): a resumption PSK of the suite's hash length,
    # ticket_age_add, and 0-RTT allowed or not.
    write("session_state", session_state(0x0304, 0x1301, bytes(32), 0, b"localhost", 1800000000,
                                         604800, [], 0x5e5e5e5e))
    write("session_state", session_state(0x0304, 0x1302, bytes(48), 0, b"", 1800000000, 3600,
                                         [bytes(40)], 0xffffffff, 16384))


def pki():
    """The loaders' seeds: every PEM of the test PKI, and each block as DER."""
    for path in sorted(PKI.glob("*.pem")) + sorted(PKI.glob("*.key")):
        target = "private_key" if path.suffix == ".key" else "certificates"
        write(target, path.read_bytes())
        for _, body in pem_blocks(path)[:1]:
            write(target, base64.b64decode(body))


def without_descriptions(lines):
    """Drops each `description: >` and its folded lines: the loader keeps
    them as text, and they would only make the seeds long."""
    out, skip = [], None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip is not None and (indent > skip or not line.strip()):
            continue
        skip = None
        if line.lstrip().startswith("description:"):
            skip = indent
            continue
        out.append(line)
    return out


def scenario_files():
    """Each family file whole, and one seed per scenario: its family's header
    and that scenario alone."""
    for path in sorted(SCENARIOS.glob("*.yaml")):
        write("scenario_file", path.read_bytes())
        lines = without_descriptions(path.read_text().splitlines())
        start = lines.index("scenarios:") + 1
        header, chunks = lines[:start], []
        for line in lines[start:]:
            if line.startswith("  - ") or not chunks:
                chunks.append([])
            chunks[-1].append(line)
        for chunk in chunks:
            write("scenario_file", ("\n".join(header + chunk) + "\n").encode())


def whole_flights():
    """decode: whole conversations, so the decoder meets each message with
    the ServerHello that gives its context (the key exchange form decides
    how ClientKeyExchange and ServerKeyExchange read). The stateful corpora
    hold them in fuzzer mode (cleartext after ChangeCipherSpec) behind a
    5-byte settings header; //fuzz/stateful:make_corpus writes them first."""
    for role in ("client", "server"):
        for suite in ("AES128-SHA", "DHE-RSA-AES128-SHA", "ECDHE-RSA-AES128-SHA"):
            for variant in ("TLSv1.2-1", "TLSv1.2-3"):
                path = CORPORA / role / (variant + "-" + suite)
                if path.exists():
                    write("decode", path.read_bytes()[SETTINGS_HEADER:])


def tls13_client_hellos():
    """psk_binder_prefix: the ClientHellos of the TLS 1.3 stateful seeds, first
    and (after a HelloRetryRequest) second, pre_shared_key last in those that
    resume; behind a 5-byte settings header, each in a record of its own.
    //fuzz/stateful:make_corpus writes them first."""
    for path in sorted(CORPORA.glob("server_tls13*/TLSv1.3-*-TLS_AES_128_GCM_SHA256")):
        data = path.read_bytes()[SETTINGS_HEADER:]
        while len(data) >= 5:
            length = int.from_bytes(data[3:5], "big")
            body = data[5:5 + length]
            if data[0] == 22 and body[:1] == b"\x01":
                write("psk_binder_prefix", body)
            data = data[5 + length:]


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
            write("psk_binder_prefix", framed)
            write("extensions", bytes([0]) + extensions_block(body, False))
            extension_bodies(extensions_block(body, False), CLIENT_BODIES)
        elif kind == "server_hello":
            write("server_hello", body)
            write("extensions", bytes([1]) + extensions_block(body, True))
            extension_bodies(extensions_block(body, True), SERVER_BODIES)
        elif kind == "certificate":
            write("certificate", body)
        elif kind in ("client_key_exchange", "server_key_exchange"):
            write(kind + "_" + form, bytes([TLS12]) + body)
        else:
            write(kind, bytes([TLS12]) + body)
    flight = b"".join(v for k, v in messages.items() if k.startswith("openssl-ecdhe-s"))
    # server_answer: a first flight whole and in small pieces, in several
    # records, a refusal, an SSL 2.0 SERVER-HELLO and ERROR, and bytes that
    # are no TLS.
    done = flight + bytes.fromhex("0e000000")  # ServerHelloDone
    for piece in (0, 7):
        write("server_answer", bytes([piece]) + record(22, done))
        write("server_answer", bytes([piece]) + b"".join(record(22, done[i:i + 100])
                                                          for i in range(0, len(done), 100)))
    write("server_answer", bytes([0]) + record(21, b"\x02\x46", b"\x03\x01"))
    for fragment in (0, 4, 255):
        write("handshake_framing", bytes([fragment]) + flight)
    hand_built()
    pki()
    scenario_files()
    whole_flights()
    write("record_header", record(21, b"\x02\x28") + record(23, bytes(20)))
    challenge = bytes(range(16))
    ssl2_hello = bytes.fromhex("010301000c0000001000002f0000350000ff010080") + challenge
    write("record_header", (0x8000 | len(ssl2_hello)).to_bytes(2, "big") + ssl2_hello)
    write("ssl2_messages", ssl2_hello)
    write("ssl2_record_header", (0x8000 | len(ssl2_hello)).to_bytes(2, "big") + ssl2_hello)
    write("ssl2_messages", bytes.fromhex("0400010002000300030010aabbcc010080") + challenge)
    ssl2_server_hello = bytes.fromhex("0400010002000300030010aabbcc010080") + challenge
    write("server_answer", bytes([0]) + (0x8000 | len(ssl2_server_hello)).to_bytes(2, "big") + ssl2_server_hello)
    write("server_answer", bytes([0]) + bytes.fromhex("8003000001"))
    write("server_answer", bytes([0]) + b"HTTP/1.1 400 Bad Request\r\n\r\n")
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
        "06" + "0804" + "0040" + "5a" * 64,  # CertificateVerify, rsa_pss_rsae_sha256
        "07" + "00" * 32,  # Finished, SHA-256
        "87" + "00" * 48,  # Finished, SHA-384
    ]
    for hexed in tls13:
        write("tls13_messages", bytes.fromhex(hexed.replace(" ", "")))
    tls13_client_hellos()


if __name__ == "__main__":
    main()
