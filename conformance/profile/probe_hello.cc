#include "conformance/profile/probe_hello.h"

#include <algorithm>

#include "engine/crypto/ecdh.h"
#include "engine/crypto/random.h"
#include "engine/messages/extensions/server_name.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/record/record_header.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet::conformance {
namespace {

using S = SignatureScheme;
// Every scheme a server might sign with, so no refusal is about signatures
// unless the question is.
constexpr SignatureScheme kSchemes[] = {
    S::ecdsa_secp256r1_sha256, S::ecdsa_secp384r1_sha384, S::ecdsa_secp521r1_sha512,
    S::ed25519,                S::ed448,                  S::rsa_pss_rsae_sha256,
    S::rsa_pss_rsae_sha384,    S::rsa_pss_rsae_sha512,    S::rsa_pss_pss_sha256,
    S::rsa_pss_pss_sha384,     S::rsa_pss_pss_sha512,     S::rsa_pkcs1_sha256,
    S::rsa_pkcs1_sha384,       S::rsa_pkcs1_sha512,       S::ecdsa_sha1,
    S::rsa_pkcs1_sha1,         S::dsa_sha256,             S::dsa_sha1,
};

std::optional<ExtensionBody> optional_body(ExtensionType type) {
  using T = ExtensionType;
  switch (type) {
    case T::application_layer_protocol_negotiation:
      return Alpn{{"h2", "http/1.1"}};
    case T::extended_master_secret:
      return ExtendedMasterSecret{};
    case T::encrypt_then_mac:
      return EncryptThenMac{};
    case T::max_fragment_length:
      return MaxFragmentLength{4};  // 2^12 bytes
    case T::record_size_limit:
      return RecordSizeLimit{16384};
    case T::heartbeat:
      return Heartbeat{HeartbeatMode::peer_allowed_to_send};
    case T::status_request:
      return StatusRequest{};
    case T::renegotiation_info:
      return RenegotiationInfo{};
    case T::session_ticket:
      return SessionTicketExtension{};
    default:
      return std::nullopt;
  }
}

// A key share a TLS 1.3 server can use at once; any other group offered
// is left to a HelloRetryRequest (RFC 8446 §4.2.8).
std::optional<KeyShareEntry> x25519_share(RandomSource& random) {
  auto key = EcdhKey::generate(EcdhGroup::x25519, random);
  if (!key) return std::nullopt;
  return KeyShareEntry{NamedGroup::x25519, key->public_value()};
}

}  // namespace

std::vector<CipherSuite> suites_for(ProtocolVersion version) {
  std::vector<CipherSuite> out;
  for (const CipherSuiteInfo& s : all_cipher_suites()) {
    if (s.key_exchange == KeyExchange::scsv || s.key_exchange == KeyExchange::null) continue;
    if (version < s.min_version || version > s.max_version) continue;
    if ((version == ProtocolVersion::tls13) != (s.key_exchange == KeyExchange::tls13)) continue;
    out.push_back(s.suite);
  }
  return out;
}

std::vector<NamedGroup> all_groups() {
  std::vector<NamedGroup> out;
  for (uint16_t wire = 1; wire <= 0x0104; ++wire) {
    if (auto g = known_named_group(wire)) out.push_back(*g);
  }
  return out;
}

std::vector<SignatureScheme> all_schemes() { return {std::begin(kSchemes), std::end(kSchemes)}; }

std::vector<ExtensionType> profiled_extensions() {
  using T = ExtensionType;
  return {T::renegotiation_info, T::extended_master_secret, T::encrypt_then_mac,
          T::session_ticket,     T::application_layer_protocol_negotiation,
          T::status_request,     T::heartbeat,
          T::record_size_limit};
}

ClientHello probe_hello(const HelloQuestion& q) {
  SystemRandom random;
  const bool tls13 = q.version == ProtocolVersion::tls13;
  ClientHello h{.legacy_version = tls13 ? ProtocolVersion::tls12 : q.version,
                .random = random.bytes(kRandomSize),
                .session_id = {},
                .cipher_suites = q.suites,
                .compression_methods = q.compression,
                .extensions = std::nullopt};
  // SSL 3.0 clients sent no extensions; a server may not expect any.
  if (q.version == ProtocolVersion::ssl3) return h;
  // RFC 5746 §3.3: a client that sends no renegotiation_info signals with
  // the SCSV, so a server that insists on RFC 5746 still answers.
  if (std::ranges::find(q.optional, ExtensionType::renegotiation_info) == q.optional.end()) {
    h.cipher_suites.push_back(CipherSuite::empty_renegotiation_info_scsv);
  }
  Extensions ext;
  auto add = [&](ExtensionType type, ExtensionBody body) { ext.list.push_back({type, std::move(body)}); };
  if (!q.server_name.empty() && !is_ip_literal(q.server_name)) {
    add(ExtensionType::server_name, ServerNameList{{q.server_name}});
  }
  const std::vector<NamedGroup> groups = q.groups.empty() ? all_groups() : q.groups;
  add(ExtensionType::supported_groups, SupportedGroups{groups});
  add(ExtensionType::ec_point_formats, EcPointFormats{{ECPointFormat::uncompressed}});
  // RFC 5246 §7.4.1.4.1: not offered by a client whose highest is below 1.2.
  if (q.version >= ProtocolVersion::tls12) {
    add(ExtensionType::signature_algorithms,
        SignatureAlgorithms{q.schemes.empty() ? all_schemes() : q.schemes});
  }
  for (ExtensionType type : q.optional) {
    if (auto body = optional_body(type)) add(type, std::move(*body));
  }
  if (tls13) {
    add(ExtensionType::supported_versions, SupportedVersionsList{{ProtocolVersion::tls13}});
    add(ExtensionType::psk_key_exchange_modes, PskKeyExchangeModes{{PskKeyExchangeMode::psk_dhe_ke}});
    ClientKeyShares shares;
    if (std::ranges::find(groups, NamedGroup::x25519) != groups.end()) {
      if (auto share = x25519_share(random)) shares.shares.push_back(std::move(*share));
    }
    add(ExtensionType::key_share, std::move(shares));
  }
  h.extensions = std::move(ext);
  return h;
}

Bytes probe_record(const HelloQuestion& q) {
  auto body = probe_hello(q).serialize();
  const Bytes message = HandshakeMessage{HandshakeType::client_hello, body ? *body : Bytes{}}.serialize();
  Bytes out;
  for (const Bytes& fragment : split_into_fragments(message, kMaxPlaintext)) {
    const Bytes record = write_record(ContentType::handshake, ProtocolVersion::tls10, fragment);
    out.insert(out.end(), record.begin(), record.end());
  }
  return out;
}

}  // namespace gauntlet::conformance
