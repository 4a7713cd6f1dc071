// A ClientHello that settles on TLS 1.3 (RFC 8446 §4.1.2): its legacy
// fields, the suite, the PSK it resumes (server_psk_13.cc), the key share,
// whether to ask for a retry, our identity and signature scheme; then
// our ServerHello, after which both directions use the handshake keys.
#include <algorithm>

#include "engine/connection/extensions/extension_table.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"
#include "engine/connection/server_handshake.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/record/record_header.h"

namespace gauntlet {

using namespace server_phase;

namespace {

bool offers(const ClientHello& ch, CipherSuite s) {
  return std::ranges::find(ch.cipher_suites, s) != ch.cipher_suites.end();
}

// Our first scheme the client accepts (§4.2.3) that the key can make.
std::optional<SignatureScheme> tls13_scheme(const Config& c, const HelloState& h, KeyType key) {
  for (const SignatureScheme s : c.signature_schemes) {
    if (std::ranges::find(*h.peer_signature_algorithms, s) == h.peer_signature_algorithms->end()) {
      continue;
    }
    if (tls13_signature_params(s, key)) return s;
  }
  return std::nullopt;
}

}  // namespace

Status ServerHandshake::tls13_handshake(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  const ClientHello& ch = h.client_hello;
  // §4.1.2: the legacy fields are fixed.
  if (ch.legacy_version != ProtocolVersion::tls12) {
    return Error{AlertDescription::protocol_version,
                 "TLS 1.3 ClientHello with legacy_version " + iana_name(ch.legacy_version)};
  }
  if (ch.compression_methods != std::vector{CompressionMethod::null}) {
    return illegal_parameter("TLS 1.3 ClientHello with compression methods other than null");
  }
  if (auto st = check_tls13_placement(ExtensionContext::client_hello, ch.extensions); !st) {
    return st;
  }

  const CipherSuiteInfo* suite = nullptr;
  for (const CipherSuite s : c.cipher_suites) {
    const CipherSuiteInfo* info = cipher_suite_info(s);
    if (info && offers(ch, s) && suite_usable(*info, ProtocolVersion::tls13)) {
      suite = info;
      break;
    }
  }
  if (!suite) {
    return Error{AlertDescription::handshake_failure, "no TLS 1.3 cipher suite in common"};
  }

  // §9.2: a certificate-based handshake needs these.
  if (!h.peer_signature_algorithms) {
    return Error{AlertDescription::missing_extension,
                 "TLS 1.3 ClientHello without signature_algorithms"};
  }
  if (!h.peer_groups) {
    return Error{AlertDescription::missing_extension,
                 "TLS 1.3 ClientHello without supported_groups"};
  }
  if (!find_body(ch.extensions, ExtensionType::key_share)) {
    return Error{AlertDescription::missing_extension, "TLS 1.3 ClientHello without key_share"};
  }

  // §4.2.8: each share must be for a group supported_groups lists.
  for (const KeyShareEntry& e : h.peer_shares) {
    if (std::ranges::find(*h.peer_groups, e.group) == h.peer_groups->end()) {
      return illegal_parameter("key_share for " + iana_name(e.group) +
                               ", which supported_groups does not list");
    }
  }
  // §4.2.2, §4.1.2: a cookie only in answer to ours, and a second
  // ClientHello only as the HelloRetryRequest asked.
  const bool retried = order_.shape() == HandshakeShape::tls13_retry;
  if (retried) {
    if (auto st = check_retry_answer(h); !st) return st;
  } else if (h.peer_cookie) {
    return illegal_parameter("cookie in a first ClientHello");
  }
  const KeyShareEntry* share = nullptr;
  for (const NamedGroup g : c.groups) {
    if (!ecdh_group(g) && !ffdhe_group(g)) continue;
    const auto it = std::ranges::find(h.peer_shares, g, &KeyShareEntry::group);
    if (it != h.peer_shares.end()) {
      share = &*it;
      break;
    }
  }
  h.suite = *suite;
  if (auto st = choose_psk(link, *suite, share != nullptr); !st) return st;
  const bool dhe = h.psk_mode != PskKeyExchangeMode::psk_ke;
  const Identity* identity = nullptr;
  std::optional<SignatureScheme> scheme;
  if (!h.resumed) {
    for (const Identity* id : identity_candidates(c)) {
      if (id->chain.empty()) continue;
      scheme = tls13_scheme(c, h, id->key.type());
      if (scheme) {
        identity = id;
        break;
      }
    }
    if (!identity) {
      return Error{AlertDescription::handshake_failure,
                   "no identity signs with a scheme the client takes"};
    }
  }
  // §4.1.4: a HelloRetryRequest when we need a share, or when Config always
  // asks; the second ClientHello's PSK is chosen afresh, its binder covering
  // the retry (§4.2.11.2).
  if (!retried && ((!share && dhe) || c.always_hello_retry)) {
    forget_psk();
    return plan_hello_retry(link, !share);
  }
  if (!share && dhe) {
    return Error{AlertDescription::handshake_failure, "no key share in a group we take"};
  }
  // §4.1.3: legacy_session_id_echo.
  h.session_id = ch.session_id;
  Result<Bytes> secret = Bytes{};  // psk_ke: none (§7.1)
  if (dhe) {
    auto ours = EphemeralKey::generate_tls13(share->group, *c.random);
    if (!ours) return ours.error();
    secret = ours->shared_secret(share->key_exchange);
    if (!secret) return secret.error();
    h.our_shares = {{share->group, ours->public_value()}};
    if (const auto& edit = c.bugs.server_key_share) {
      if (edit->group) h.our_shares[0].group = static_cast<NamedGroup>(*edit->group);
      if (edit->key_exchange) h.our_shares[0].key_exchange = *edit->key_exchange;
    }
    group_ = share->group;
  }
  if (auto st = accept_early_data(link); !st) return st;
  h.facts.early_data = h.early_data_accepted;
  h.facts.server_certificate = !h.resumed;
  if (!retried) order_.set_shape(HandshakeShape::tls13_full);
  if (h.resumed) {
    // §4.3.2: no CertificateRequest in a handshake authenticated by a PSK.
    h.facts.certificate_request = false;
    phase_ = Resumed13{std::move(secret).value()};
    return ok_status();
  }
  h.identity = identity;
  server_signature_scheme_ = scheme;
  phase_ = Chosen13{*identity, *scheme, std::move(secret).value()};
  h.facts.certificate_request = c.client_auth != ClientAuth::none;
  return ok_status();
}

Status ServerHandshake::send_server_hello_13(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  Bytes* secret = nullptr;
  if (auto* chosen = std::get_if<Chosen13>(&phase_)) secret = &chosen->shared_secret;
  if (auto* resumed = std::get_if<Resumed13>(&phase_)) secret = &resumed->shared_secret;
  if (!secret) return internal_error("TLS 1.3 ServerHello outside its phase");
  h.server_random = c.random->bytes(kRandomSize);
  ServerHello sh{ProtocolVersion::tls12, h.server_random, h.session_id, h.suite.get().suite,
                 CompressionMethod::null, std::nullopt};
  HelloScope scope = hello_scope(link);
  sh.extensions = reply_extensions(scope, ExtensionContext::server_hello);
  apply_server_hello_bugs(c.bugs, sh);
  // §5.1: legacy_record_version is 0x0303 from here on.
  link.records.set_version(ProtocolVersion::tls12);
  if (auto st = send_message(link, HandshakeType::server_hello, sh.serialize()); !st) return st;
  // D.4: a client in compatibility mode sent a legacy_session_id.
  if (c.middlebox_compat && !h.client_hello.session_id.empty()) {
    if (auto st = send_compat_change_cipher_spec(link); !st) return st;
  }
  if (auto st = start_tls13_keys(link, *secret); !st) return st;
  // §4.2.10: refused 0-RTT data is skipped by trial decryption.
  if (h.early_data_offered && !h.early_data_accepted) {
    link.records.skip_early_data(RecordLayer::EarlySkip::undecryptable,
                                 early_data_skip_budget(c));
  }
  return ok_status();
}

// As much as we would have taken and at least one record's worth, as
// OpenSSL does by default, with the AEAD's overhead on top.
size_t ServerHandshake::early_data_skip_budget(const Config& c) {
  return std::max<size_t>(c.max_early_data, kMaxPlaintext) + kMaxTls13Ciphertext - kMaxPlaintext;
}

}  // namespace gauntlet
