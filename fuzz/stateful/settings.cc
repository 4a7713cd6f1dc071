#include "fuzz/stateful/settings.h"

#include "engine/connection/config_builder.h"
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

constexpr ProtocolVersion kVersions[] = {ProtocolVersion::ssl3, ProtocolVersion::tls10,
                                         ProtocolVersion::tls11, ProtocolVersion::tls12};
// 2027-01-15: fixed, so runs repeat exactly.
constexpr int64_t kNow = 1800000000;

ConfigBuilder base(const Settings& s) {
  ConfigBuilder b;
  b.versions(s.min_version, s.max_version)
      .cipher_suites(all_engine_cipher_suites())
      .renegotiation(s.renegotiation ? RenegotiationPolicy::allow_insecure
                                     : RenegotiationPolicy::secure)
      .deterministic_random(0)
      .fixed_clock(kNow)
      .alpn({"h2", "http/1.1"});
  return b;
}

// The Config in fuzzer mode with the header's extension switches. A builder
// that loads no file cannot fail; if it did, value() would throw and the
// fuzzer stop on it.
std::shared_ptr<Config> build_fuzzing(ConfigBuilder& b, const Settings& s) {
  auto c = b.build().value();
  c->fuzzer_mode = true;
  c->extended_master_secret = s.extended_master_secret;
  c->encrypt_then_mac = s.encrypt_then_mac;
  return c;
}

}  // namespace

Bytes Settings::serialize() const {
  uint8_t version = 0;
  for (uint8_t i = 0; i < 4; ++i)
    if (kVersions[i] == max_version) version = i;
  const uint8_t flags = (client_auth ? kClientAuth : 0) |
                        (require_client_auth ? kRequireClientAuth : 0) | (tickets ? kTickets : 0) |
                        (extended_master_secret ? kEms : 0) | (encrypt_then_mac ? kEtm : 0) |
                        (resumption ? kResumption : 0) | (renegotiation ? kRenegotiation : 0) |
                        (after_handshake ? kAfterHandshake : 0);
  return {kSettingsFormat, version, flags};
}

std::optional<Settings> Settings::parse(Reader& r) {
  uint8_t format = 0, version = 0, flags = 0;
  if (!r.u8(format) || format != kSettingsFormat || !r.u8(version) || !r.u8(flags)) {
    return std::nullopt;
  }
  Settings s;
  s.max_version = kVersions[version % 4];
  s.client_auth = flags & kClientAuth;
  s.require_client_auth = flags & kRequireClientAuth;
  s.tickets = flags & kTickets;
  s.extended_master_secret = flags & kEms;
  s.encrypt_then_mac = flags & kEtm;
  s.resumption = flags & kResumption;
  s.renegotiation = flags & kRenegotiation;
  s.after_handshake = flags & kAfterHandshake;
  return s;
}

Session shared_session(const Settings& settings) {
  Session s;
  if (settings.min_version == ProtocolVersion::ssl2) {
    s.id = Bytes(16, 0x5e);  // SSL 2.0 spec §2.7: SESSION-ID-DATA of 16 bytes
    s.version = ProtocolVersion::ssl2;
    s.ssl2_cipher_kind = Ssl2CipherKind::rc4_128_with_md5;
    s.master_secret = Bytes(16, 0x4d);
    s.created = kNow;
    s.lifetime = 3600;
    return s;
  }
  s.id = Bytes(32, 0x5e);
  s.version = ProtocolVersion::tls12;
  s.suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256;
  s.master_secret = Bytes(48, 0x4d);
  s.server_name = "localhost";
  s.created = kNow;
  s.lifetime = 3600;
  s.ticket = s.serialize_state();
  return s;
}

std::shared_ptr<Config> client_config(const Settings& s) {
  ConfigBuilder b = base(s);
  if (s.client_auth) b.identity(fuzz_identities().front());
  auto c = build_fuzzing(b, s);
  c->offer_tickets = s.tickets;
  return c;
}

std::shared_ptr<Config> server_config(const Settings& s) {
  ConfigBuilder b = base(s);
  b.identities(fuzz_identities())
      .client_auth(!s.client_auth          ? ClientAuth::none
                   : s.require_client_auth ? ClientAuth::required
                                           : ClientAuth::optional)
      .session_cache(4);
  if (s.tickets) b.ticket_keys();
  auto c = build_fuzzing(b, s);
  if (s.resumption) c->session_cache->store(shared_session(s));
  return c;
}

ClientOptions client_options(const Settings& s) {
  ClientOptions o{"localhost", std::nullopt};
  if (s.resumption) o.session = shared_session(s);
  return o;
}

void run(Connection& c, ByteView peer_bytes, const Settings& s) {
  (void)c.receive(peer_bytes);
  (void)c.read();
  if (s.after_handshake && c.state() == ConnectionState::established) {
    (void)c.write(Bytes{'x'});
    (void)c.renegotiate();
    c.close();
  }
  (void)c.take_output();
}

}  // namespace gauntlet::fuzzing
