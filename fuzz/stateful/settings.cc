#include "fuzz/stateful/settings.h"

#include <algorithm>
#include <string_view>

#include "engine/connection/config_builder.h"
#include "engine/connection/keying_material.h"
#include "fuzz/stateful/fuzz_identities.h"

namespace gauntlet::fuzzing {

namespace {

enum Flag : uint8_t {
  kClientAuth = 1 << 0,
  kRequireClientAuth = 1 << 1,
  kTickets = 1 << 2,
  kEms = 1 << 3,
  kEtm = 1 << 4,
  kResumption = 1 << 5,
  kRenegotiation = 1 << 6,
  kAfterHandshake = 1 << 7,
};

// The TLS 1.3 byte.
enum Tls13Flag : uint8_t {
  kHelloRetry = 1 << 0,
  kPskKe = 1 << 1,
  kPostHandshakeAuth = 1 << 2,
  kNoMiddleboxCompat = 1 << 3,
  kEarlyData = 1 << 4,
  kKeyUpdateEachRecord = 1 << 5,
};
// Bits 6-7 of the TLS 1.3 byte: RecordPadding::Mode, whose four values they
// hold as they are.
constexpr int kPaddingShift = 6;

// The fifth byte.
enum MoreFlag : uint8_t {
  kVerifyPeer = 1 << 0,
  kSignatureAlgorithmsCert = 1 << 1,
  kRealKeys = 1 << 2,
};

// What the fuzz identities' certificates are signed with (each signs
// itself: SHA-256 with RSA, ECDSA and DSA; DSA has no TLS 1.3 scheme).
const std::vector<SignatureScheme> kChainSchemes = {
    SignatureScheme::rsa_pkcs1_sha256, SignatureScheme::ecdsa_secp256r1_sha256,
    SignatureScheme::dsa_sha256};

constexpr ProtocolVersion kVersions[] = {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                         ProtocolVersion::tls11, ProtocolVersion::tls12,
                                         ProtocolVersion::tls13};
constexpr uint8_t kVersionCount = 5;
// 2027-01-15: fixed, so runs repeat exactly.
constexpr int64_t kNow = 1800000000;
// 0-RTT: what the shared session's ticket and the server allow, and what the
// client sends (RFC 8446 §4.2.10).
constexpr uint32_t kMaxEarlyData = 1024;
constexpr std::string_view kEarlyBytes = "early data";
// The block of RecordPadding::Mode::to_block.
constexpr size_t kPaddingBlock = 64;

// TLS 1.3's suites first when it is in range (each version takes its own).
// Built once: every input builds a Config, and assembling the lists each
// time cost the server targets 4% of their time.
const std::vector<CipherSuite>& suites(const Settings& s) {
  static const std::vector<CipherSuite> below_tls13 = all_engine_cipher_suites();
  static const std::vector<CipherSuite> with_tls13 = [] {
    std::vector<CipherSuite> all = tls13_cipher_suites();
    all.insert(all.end(), below_tls13.begin(), below_tls13.end());
    return all;
  }();
  return s.max_version == ProtocolVersion::tls13 ? with_tls13 : below_tls13;
}

ConfigBuilder base(const Settings& s) {
  ConfigBuilder b;
  b.versions(s.min_version, s.max_version)
      .cipher_suites(suites(s))
      .renegotiation(s.renegotiation ? RenegotiationPolicy::allow_insecure
                                     : RenegotiationPolicy::secure)
      .deterministic_random(0)
      .fixed_clock(kNow)
      .alpn({"h2", "http/1.1"});
  return b;
}

// Every fuzz identity's certificate as an anchor: each is self-signed, so
// an unaltered chain of ours verifies and any other does not. Built once.
std::shared_ptr<const TrustStore> trust_store() {
  static const std::shared_ptr<const TrustStore> store = [] {
    auto t = std::make_shared<TrustStore>();
    for (const Identity& id : fuzz_identities()) {
      // The certificates are compiled in and load: a refusal is a bug here.
      if (!t->add(id.chain.front())) __builtin_trap();
    }
    return std::shared_ptr<const TrustStore>(std::move(t));
  }();
  return store;
}

// The Config in fuzzer mode with the header's extension switches. A builder
// that loads no file cannot fail; if it did, value() would throw and the
// fuzzer stop on it.
std::shared_ptr<Config> build_fuzzing(ConfigBuilder& b, const Settings& s) {
  auto c = b.build().value();
  c->fuzzer_mode = !s.real_keys;
  c->extended_master_secret = s.extended_master_secret;
  c->encrypt_then_mac = s.encrypt_then_mac;
  c->middlebox_compat = s.middlebox_compat;
  c->psk_modes = s.psk_ke ? std::vector{PskKeyExchangeMode::psk_ke, PskKeyExchangeMode::psk_dhe_ke}
                          : std::vector{PskKeyExchangeMode::psk_dhe_ke};
  if (s.key_update_each_record) c->key_update_after = 1;
  c->tls13_padding = {s.padding, kPaddingBlock};
  if (s.verify_peer) c->trust = trust_store();
  if (s.signature_algorithms_cert) c->signature_schemes_cert = kChainSchemes;
  return c;
}

}  // namespace

Bytes Settings::serialize() const {
  uint8_t version = 0;
  for (uint8_t i = 0; i < kVersionCount; ++i)
    if (kVersions[i] == max_version) version = i;
  const uint8_t flags = (client_auth ? kClientAuth : 0) |
                        (require_client_auth ? kRequireClientAuth : 0) | (tickets ? kTickets : 0) |
                        (extended_master_secret ? kEms : 0) | (encrypt_then_mac ? kEtm : 0) |
                        (resumption ? kResumption : 0) | (renegotiation ? kRenegotiation : 0) |
                        (after_handshake ? kAfterHandshake : 0);
  const uint8_t tls13 = (hello_retry ? kHelloRetry : 0) | (psk_ke ? kPskKe : 0) |
                        (post_handshake_auth ? kPostHandshakeAuth : 0) |
                        (middlebox_compat ? 0 : kNoMiddleboxCompat) |
                        (early_data ? kEarlyData : 0) |
                        (key_update_each_record ? kKeyUpdateEachRecord : 0) |
                        static_cast<uint8_t>(static_cast<uint8_t>(padding) << kPaddingShift);
  const uint8_t more = (verify_peer ? kVerifyPeer : 0) |
                       (signature_algorithms_cert ? kSignatureAlgorithmsCert : 0) |
                       (real_keys ? kRealKeys : 0);
  return {kSettingsFormat, version, flags, tls13, more};
}

std::optional<Settings> Settings::parse(Reader& r) {
  uint8_t format = 0, version = 0, flags = 0, tls13 = 0, more = 0;
  if (!r.u8(format) || format != kSettingsFormat || !r.u8(version) || !r.u8(flags) ||
      !r.u8(tls13) || !r.u8(more)) {
    return std::nullopt;
  }
  Settings s;
  s.max_version = kVersions[version % kVersionCount];
  s.client_auth = flags & kClientAuth;
  s.require_client_auth = flags & kRequireClientAuth;
  s.tickets = flags & kTickets;
  s.extended_master_secret = flags & kEms;
  s.encrypt_then_mac = flags & kEtm;
  s.resumption = flags & kResumption;
  s.renegotiation = flags & kRenegotiation;
  s.after_handshake = flags & kAfterHandshake;
  s.hello_retry = tls13 & kHelloRetry;
  s.psk_ke = tls13 & kPskKe;
  s.post_handshake_auth = tls13 & kPostHandshakeAuth;
  s.middlebox_compat = !(tls13 & kNoMiddleboxCompat);
  s.early_data = tls13 & kEarlyData;
  s.key_update_each_record = tls13 & kKeyUpdateEachRecord;
  s.padding = static_cast<RecordPadding::Mode>(tls13 >> kPaddingShift);
  s.verify_peer = more & kVerifyPeer;
  s.signature_algorithms_cert = more & kSignatureAlgorithmsCert;
  s.real_keys = more & kRealKeys;
  return s;
}

Session shared_session(const Settings& settings) {
  Session s;
  s.created = kNow;
  s.lifetime = 3600;
  if (settings.min_version == ProtocolVersion::ssl2) {
    s.id = Bytes(16, 0x5e);  // SSL 2.0 spec §2.7: SESSION-ID-DATA of 16 bytes
    s.version = ProtocolVersion::ssl2;
    s.ssl2_cipher_kind = Ssl2CipherKind::rc4_128_with_md5;
    s.master_secret = Bytes(16, 0x4d);
    return s;
  }
  s.server_name = "localhost";
  if (settings.max_version == ProtocolVersion::tls13) {
    // RFC 8446 §4.6.1: a ticket's PSK, for the SHA-256 suites; no session ID.
    s.version = ProtocolVersion::tls13;
    s.suite = CipherSuite::aes_128_gcm_sha256;
    s.master_secret = Bytes(32, 0x4d);
    s.ticket_age_add = 0x5e5e5e5e;
    // §4.2.10: early data goes under the ticket's ALPN protocol, the one
    // both sides prefer.
    if (settings.early_data) {
      s.max_early_data = kMaxEarlyData;
      s.alpn = "h2";
    }
  } else {
    s.id = Bytes(32, 0x5e);
    s.version = ProtocolVersion::tls12;
    s.suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256;
    s.master_secret = Bytes(48, 0x4d);
  }
  s.ticket = s.serialize_state();
  if (settings.real_keys && settings.tickets) {
    // Under real keys the server opens tickets with its ticket keys, which
    // its fixed randomness makes the same each time: the ticket is the
    // state sealed under them (RFC 5077 §4), as that server would issue it.
    Settings issuer = settings;
    issuer.resumption = false;
    DeterministicRandom random(0);
    if (auto sealed = server_config(issuer)->ticket_keys->seal(s, random)) {
      s.ticket = std::move(sealed).value();
    }
  }
  return s;
}

std::shared_ptr<Config> client_config(const Settings& s) {
  ConfigBuilder b = base(s);
  if (s.client_auth || s.post_handshake_auth) b.identity(fuzz_identities().front());
  auto c = build_fuzzing(b, s);
  c->offer_tickets = s.tickets;
  c->post_handshake_auth = s.post_handshake_auth;
  return c;
}

std::shared_ptr<Config> server_config(const Settings& s) {
  ConfigBuilder b = base(s);
  b.identities(server_identities())
      .client_auth(!s.client_auth          ? ClientAuth::none
                   : s.require_client_auth ? ClientAuth::required
                                           : ClientAuth::optional)
      .session_cache(4);
  if (s.tickets) b.ticket_keys();
  auto c = build_fuzzing(b, s);
  c->always_hello_retry = s.hello_retry;
  // Fuzzer mode would send TLS 1.3 tickets without ticket keys.
  if (!s.tickets) c->tls13_tickets = 0;
  if (s.early_data) c->max_early_data = kMaxEarlyData;
  if (s.resumption) c->session_cache->store(shared_session(s));
  return c;
}

ClientOptions client_options(const Settings& s) {
  ClientOptions o{"localhost", std::nullopt};
  if (s.resumption) o.session = shared_session(s);
  if (s.early_data) o.early_data = Bytes(kEarlyBytes.begin(), kEarlyBytes.end());
  return o;
}

void after_handshake(Connection& c, const Settings& s) {
  (void)c.write(Bytes{'x'});
  // What an application derives from the keys (RFC 5705; RFC 8446 §7.5,
  // from the early secret too when 0-RTT data was taken).
  const Negotiated& n = c.negotiated();
  const Bytes context{'c'};
  (void)export_keying_material(n, "EXPORTER-gauntlet-fuzz", context, 32);
  if (n.early_data_accepted) {
    (void)export_early_keying_material(n, "EXPORTER-gauntlet-fuzz", context, 32);
  }
  if (n.version < ProtocolVersion::tls13) {
    (void)c.renegotiate();
    return;
  }
  (void)c.update_keys(KeyUpdateRequest::update_requested);
  if (c.role() == Role::server && s.post_handshake_auth) {
    (void)c.request_client_certificate(s.require_client_auth ? ClientAuth::required
                                                             : ClientAuth::optional);
  }
}

namespace {

// The length of the TLS record at the front of `bytes` (RFC 5246 §6.2.1),
// or all of them when they hold no whole header. Only a cut: the connection
// reads a stream, so bytes that are no record (SSL 2.0's) still arrive whole.
size_t next_piece(ByteView bytes) {
  Reader r(bytes);
  uint8_t type = 0;
  uint16_t version = 0, length = 0;
  if (!r.u8(type) || !r.u16(version) || !r.u16(length)) return bytes.size();
  return std::min(bytes.size(), size_t{5} + length);
}

}  // namespace

void run(Connection& c, ByteView peer_bytes, const Settings& s) {
  bool acted = !s.after_handshake;
  while (!peer_bytes.empty() && c.state() != ConnectionState::closed) {
    const size_t piece = acted ? peer_bytes.size() : next_piece(peer_bytes);
    (void)c.receive(peer_bytes.first(piece));
    peer_bytes = peer_bytes.subspan(piece);
    (void)c.read();
    if (!acted && c.state() == ConnectionState::established) {
      after_handshake(c, s);
      acted = true;
    }
  }
  if (s.after_handshake) c.close();
  (void)c.take_output();
}

}  // namespace gauntlet::fuzzing
