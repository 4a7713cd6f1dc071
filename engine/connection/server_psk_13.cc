// The PSK a TLS 1.3 ClientHello resumes with (RFC 8446 §4.2.11): the first
// identity that is one of our tickets (a key into our ticket store, else a
// ticket our ticket keys open, §4.6.1), still alive, for the name asked and
// a suite of the chosen suite's hash, with a mode both sides take (§4.2.9;
// psk_dhe_ke only with a key share). Its binder must then check out
// (decrypt_error); an identity we cannot use is skipped, and with none the
// handshake is a full one. 0-RTT data is taken (§4.2.10) with the first
// identity, in its ticket's suite and ALPN protocol, from a client whose
// view of the ticket's age is near ours (§8.3), in a handshake without a
// HelloRetryRequest, when we allow early data and the ticket has never
// carried any (§8.1, single-use tickets); refused, it is skipped.
#include <openssl/crypto.h>

#include <algorithm>

#include "engine/connection/server_handshake.h"
#include "engine/key_schedule/psk_binder.h"

namespace gauntlet {

namespace {

std::optional<PskKeyExchangeMode> shared_mode(const Config& c, const HelloState& h,
                                              bool have_share) {
  for (const PskKeyExchangeMode m : c.psk_modes) {
    if (std::ranges::find(h.peer_psk_modes, m) == h.peer_psk_modes.end()) continue;
    if (m == PskKeyExchangeMode::psk_dhe_ke && !have_share) continue;
    return m;
  }
  return std::nullopt;
}

// §4.6.1: a ticket is "either a database lookup key or a self-encrypted and
// self-authenticated value"; our store is asked first. Fuzzer mode's
// tickets are the bare session state.
std::optional<Session> ticket_session(const Link& link, ByteView ticket) {
  const Config& c = link.config;
  if (link.fuzzer_mode) {
    auto state = Session::parse_state(ticket);
    return state ? std::optional<Session>(std::move(state).value()) : std::nullopt;
  }
  if (c.ticket_store) {
    if (auto stored = c.ticket_store->find(ticket, c.clock->now())) return stored;
  }
  if (c.ticket_keys) {
    if (auto opened = c.ticket_keys->open(ticket)) return std::move(opened->session);
  }
  return std::nullopt;
}

// §8.3: the age the client reports (§4.2.11.1) within this much of the
// ticket's age by our clock, or its 0-RTT data may be a replay from long
// ago; OpenSSL allows as much.
constexpr int64_t kTicketAgeToleranceMs = 10'000;

bool fresh(const Session& s, uint32_t obfuscated_ticket_age, int64_t now) {
  const int64_t theirs = static_cast<uint32_t>(obfuscated_ticket_age - s.ticket_age_add);
  // Our clock counts whole seconds: the ticket's age is in [ours, ours + 1 s).
  const int64_t ours = (now - s.created) * 1000;
  return theirs >= ours - kTicketAgeToleranceMs && theirs < ours + 1000 + kTicketAgeToleranceMs;
}

}  // namespace

Status ServerHandshake::choose_psk(Link& link, const CipherSuiteInfo& suite, bool have_share) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (!h.peer_psks || !link.serves_tickets_13()) {
    return ok_status();
  }
  const std::optional<PskKeyExchangeMode> mode = shared_mode(c, h, have_share);
  if (!mode) return ok_status();
  const std::vector<PskIdentity>& identities = h.peer_psks->identities;
  for (size_t i = 0; i < identities.size(); ++i) {
    const std::optional<Session> session = ticket_session(link, identities[i].identity);
    const CipherSuiteInfo* its = session ? cipher_suite_info(session->suite) : nullptr;
    if (!its || session->version != ProtocolVersion::tls13 || its->prf_hash != suite.prf_hash ||
        session->expired(c.clock->now()) || session->server_name != h.server_name) {
      continue;
    }
    Tls13EarlySecret early = Tls13EarlySecret::from_psk(suite.prf_hash, session->master_secret);
    auto hello = h.client_hello.serialize();
    if (!hello) return hello.error();
    // §4.2.11.2: the transcript holds this ClientHello last; after a
    // HelloRetryRequest what precedes it (message_hash, the retry) is bound
    // too.
    const Bytes message = HandshakeMessage{HandshakeType::client_hello, *hello}.serialize();
    const ByteView so_far = transcript_.messages();
    if (so_far.size() < message.size()) return internal_error("ClientHello not in the transcript");
    auto expected = psk_binder(suite.prf_hash, early.binder_key(PskOrigin::resumption),
                               so_far.first(so_far.size() - message.size()), message);
    if (!expected) return expected.error();
    const Bytes& binder = h.peer_psks->binders[i];
    if (!link.fuzzer_mode &&
        (binder.size() != expected->size() ||
         CRYPTO_memcmp(binder.data(), expected->data(), binder.size()) != 0)) {
      return Error{AlertDescription::decrypt_error, "PSK binder does not match"};
    }
    h.selected_psk = static_cast<uint16_t>(i);
    h.psk_mode = mode;
    h.resumed = true;
    early_.emplace(std::move(early));
    peer_chain_ = session->peer_certificates();
    // §4.2.10: 0-RTT data comes only with the first identity, in its
    // ticket's suite and with its ALPN protocol (the ALPN row has chosen
    // ours by now); §8.3: from a client that agrees how old the ticket is.
    if (i == 0 && session->suite == suite.suite && session->alpn == h.alpn &&
        fresh(*session, identities[0].obfuscated_ticket_age, c.clock->now())) {
      psk_max_early_data_ = session->max_early_data;
    }
    return ok_status();
  }
  return ok_status();
}

// Once the handshake is settled as 1-RTT (no HelloRetryRequest, §4.2.10):
// the ticket is claimed last, so that a refusal for any other reason leaves
// it unused.
Status ServerHandshake::accept_early_data(Link& link) {
  const Config& c = link.config;
  HelloState& h = hello_;
  if (!h.early_data_offered || c.max_early_data == 0 || psk_max_early_data_ == 0 ||
      !c.early_data_tickets || !c.early_data_tickets->claim(h.peer_psks->identities[0].identity)) {
    return ok_status();
  }
  h.early_data_accepted = true;
  early_data_left_ = std::min(psk_max_early_data_, c.max_early_data);
  return start_early_data(link);
}

void ServerHandshake::forget_psk() {
  HelloState& h = hello_;
  h.selected_psk.reset();
  h.psk_mode.reset();
  h.resumed = false;
  early_.reset();
  peer_chain_.clear();
  psk_max_early_data_ = 0;
}

}  // namespace gauntlet
