#include "conformance/runner/delivery.h"

namespace gauntlet::conformance {

namespace {

HandshakeType hello(Role ours) {
  return ours == Role::client ? HandshakeType::client_hello : HandshakeType::server_hello;
}
HandshakeType key_exchange(Role ours) {
  return ours == Role::client ? HandshakeType::client_key_exchange
                              : HandshakeType::server_key_exchange;
}

// One row per knob that rides in one message: whether it is on, and which
// message carries it (for the message-naming knobs, the one named).
struct Row {
  std::string_view knob;
  std::optional<OurMessage> (*carrier)(const Bugs& b, Role ours);
};

template <typename T>
std::optional<OurMessage> when(const T& on, OurMessage t) {
  return on ? std::optional(t) : std::nullopt;
}

// The knobs that name their message.
template <typename M>
std::optional<OurMessage> named(const std::optional<M>& m) {
  return m ? std::optional<OurMessage>(*m) : std::nullopt;
}

using HT = HandshakeType;
using S2 = Ssl2MessageType;

constexpr Row kRows[] = {
    {"hello", [](const Bugs& b, Role r) { return when(b.written_hello, hello(r)); }},
    // Delivered with the message it sits next to (the first, if several).
    {"insert_messages",
     [](const Bugs& b, Role) {
       return b.inserted_messages.empty()
                  ? std::nullopt
                  : std::optional<OurMessage>(b.inserted_messages.front().next_to);
     }},
    {"client_version", [](const Bugs& b, Role) { return when(b.client_version, HT::client_hello); }},
    {"cipher_suites", [](const Bugs& b, Role) { return when(b.cipher_suites, HT::client_hello); }},
    {"compression_methods",
     [](const Bugs& b, Role) { return when(b.compression_methods, HT::client_hello); }},
    {"session_id", [](const Bugs& b, Role) { return when(b.session_id, HT::client_hello); }},
    {"offer_session_anyway",
     [](const Bugs& b, Role) { return when(b.offer_session_anyway, HT::client_hello); }},
    {"server_name", [](const Bugs& b, Role) { return when(b.server_name, HT::client_hello); }},
    {"server_version", [](const Bugs& b, Role) { return when(b.server_version, HT::server_hello); }},
    {"server_suite", [](const Bugs& b, Role) { return when(b.server_suite, HT::server_hello); }},
    {"server_session_id",
     [](const Bugs& b, Role) { return when(b.server_session_id, HT::server_hello); }},
    {"server_compression",
     [](const Bugs& b, Role) { return when(b.server_compression, HT::server_hello); }},
    {"drop_extensions",
     [](const Bugs& b, Role r) { return when(!b.drop_extensions.empty(), hello(r)); }},
    {"replace_extensions",
     [](const Bugs& b, Role r) { return when(!b.replace_extensions.empty(), hello(r)); }},
    {"extra_extensions",
     [](const Bugs& b, Role r) { return when(!b.extra_extensions.empty(), hello(r)); }},
    {"duplicate_extension",
     [](const Bugs& b, Role r) { return when(b.duplicate_extension, hello(r)); }},
    {"server_group",
     [](const Bugs& b, Role) { return when(b.server_group, HT::server_key_exchange); }},
    {"server_signature_scheme",
     [](const Bugs& b, Role) { return when(b.server_signature_scheme, HT::server_key_exchange); }},
    {"premaster_version",
     [](const Bugs& b, Role) { return when(b.premaster_version, HT::client_key_exchange); }},
    {"bad_premaster",
     [](const Bugs& b, Role) { return when(b.bad_premaster, HT::client_key_exchange); }},
    {"public_value", [](const Bugs& b, Role r) { return when(b.public_value, key_exchange(r)); }},
    {"skip_message", [](const Bugs& b, Role) { return named(b.skip_message); }},
    {"duplicate_message", [](const Bugs& b, Role) { return named(b.duplicate_message); }},
    {"early_change_cipher_spec", [](const Bugs& b, Role) { return named(b.early_change_cipher_spec); }},
    {"trailing_byte_in", [](const Bugs& b, Role) { return named(b.trailing_byte_in); }},
    {"truncated_message", [](const Bugs& b, Role) { return named(b.truncated_message); }},
    // Our ChangeCipherSpec goes out just before our Finished.
    {"skip_change_cipher_spec",
     [](const Bugs& b, Role) { return when(b.skip_change_cipher_spec, HT::finished); }},
    {"change_cipher_spec_body",
     [](const Bugs& b, Role) { return when(b.change_cipher_spec_body, HT::finished); }},
    {"corrupt_finished", [](const Bugs& b, Role) { return when(b.corrupt_finished, HT::finished); }},
    {"truncate_finished", [](const Bugs& b, Role) { return when(b.truncate_finished, HT::finished); }},
    {"application_data_before_finished",
     [](const Bugs& b, Role) { return when(b.application_data_before_finished, HT::finished); }},
    // TLS 1.3, our client.
    {"extension_order",
     [](const Bugs& b, Role) { return when(!b.extension_order.empty(), HT::client_hello); }},
    {"key_shares", [](const Bugs& b, Role) { return when(b.key_shares, HT::client_hello); }},
    {"corrupt_binder", [](const Bugs& b, Role) { return when(b.corrupt_binder, HT::client_hello); }},
    {"psk_identity", [](const Bugs& b, Role) { return when(b.psk_identity, HT::client_hello); }},
    {"obfuscated_ticket_age",
     [](const Bugs& b, Role) { return when(b.obfuscated_ticket_age, HT::client_hello); }},
    {"client_signature_scheme",
     [](const Bugs& b, Role) { return when(b.client_signature_scheme, HT::certificate_verify); }},
    {"corrupt_certificate_verify",
     [](const Bugs& b, Role) { return when(b.corrupt_certificate_verify, HT::certificate_verify); }},
    {"certificate_request_context",
     [](const Bugs& b, Role) { return when(b.certificate_request_context, HT::certificate); }},
    // TLS 1.3, our server.
    {"retry_suite", [](const Bugs& b, Role) { return when(b.retry_suite, HT::server_hello); }},
    {"server_key_share",
     [](const Bugs& b, Role) { return when(b.server_key_share, HT::server_hello); }},
    {"encrypted_extensions",
     [](const Bugs& b, Role) {
       return when(!b.encrypted_extensions.empty(), HT::encrypted_extensions);
     }},
    {"certificate_extensions",
     [](const Bugs& b, Role) { return when(!b.certificate_extensions.empty(), HT::certificate); }},
    {"certificate_verify",
     [](const Bugs& b, Role) { return when(b.certificate_verify, HT::certificate_verify); }},
    // TLS 1.3: the HelloRetryRequest is a server_hello on the wire; the
    // random in our ClientHello (the one hello_edits_in names).
    {"retry", [](const Bugs& b, Role) { return when(b.written_retry, HT::server_hello); }},
    {"client_random", [](const Bugs& b, Role) { return when(b.client_random, HT::client_hello); }},
    // SSL 2.0 (engine/connection/ssl2/): CLIENT-MASTER-KEY is not sent when
    // the server reuses a session, REQUEST-CERTIFICATE only when it asks.
    {"ssl2_master_key_kind",
     [](const Bugs& b, Role) { return when(b.ssl2.master_key_kind, S2::client_master_key); }},
    {"ssl2_extra_clear_key_bytes",
     [](const Bugs& b, Role) { return when(b.ssl2.extra_clear_key_bytes, S2::client_master_key); }},
    {"ssl2_wrong_connection_id",
     [](const Bugs& b, Role) { return when(b.ssl2.wrong_connection_id, S2::client_finished); }},
    {"ssl2_wrong_challenge",
     [](const Bugs& b, Role) { return when(b.ssl2.wrong_challenge, S2::server_verify); }},
    {"ssl2_skip_message", [](const Bugs& b, Role) { return named(b.ssl2.skip_message); }},
    {"ssl2_truncated_message", [](const Bugs& b, Role) { return named(b.ssl2.truncated_message); }},
    {"ssl2_trailing_byte_in", [](const Bugs& b, Role) { return named(b.ssl2.trailing_byte_in); }},
    {"ssl2_bad_mac_in", [](const Bugs& b, Role) { return named(b.ssl2.bad_mac_in); }},
};

}  // namespace

std::string message_name(OurMessage m) {
  return std::visit([](auto t) { return iana_name(t); }, m);
}

std::vector<Carrier> carriers(const Bugs& bugs, Role ours) {
  std::vector<Carrier> out;
  for (const Row& row : kRows) {
    if (auto t = row.carrier(bugs, ours)) out.push_back({row.knob, *t});
  }
  return out;
}

bool rides_in_a_message(std::string_view knob) {
  for (const Row& row : kRows) {
    if (row.knob == knob) return true;
  }
  return false;
}

void DeliveryLog::carry(const Bugs& bugs, Role ours) { spans_.push_back({carriers(bugs, ours), {}}); }

void DeliveryLog::sent(OurMessage type) {
  if (!spans_.empty()) spans_.back().sent.insert(type);
}

void DeliveryLog::missed(std::string why) {
  if (!missed_) missed_ = std::move(why);
}

std::optional<std::string> DeliveryLog::missing() const {
  if (missed_) return missed_;
  for (const Span& span : spans_) {
    for (const Carrier& c : span.need) {
      if (!span.sent.contains(c.message)) {
        return "our side never reached its " + message_name(c.message) + ", which carries bugs." +
               std::string(c.knob);
      }
    }
  }
  return std::nullopt;
}

}  // namespace gauntlet::conformance
