#include "engine/connection/extensions/tls13_placement.h"

#include <array>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

using C = ExtensionContext;
using T = ExtensionType;

constexpr MessageSet kCH = in(C::client_hello);
constexpr MessageSet kSH = in(C::server_hello);
constexpr MessageSet kHRR = in(C::hello_retry_request);
constexpr MessageSet kEE = in(C::encrypted_extensions);
constexpr MessageSet kCT = in(C::certificate);
constexpr MessageSet kCR = in(C::certificate_request);
constexpr MessageSet kNST = in(C::new_session_ticket);

struct Placement {
  ExtensionType type;
  MessageSet messages;
};

// RFC 8446 §4.2, in its order; record_size_limit from RFC 8449 §4.
constexpr std::array kTable{
    Placement{T::server_name, kCH | kEE},
    Placement{T::max_fragment_length, kCH | kEE},
    Placement{T::status_request, kCH | kCR | kCT},
    Placement{T::supported_groups, kCH | kEE},
    Placement{T::signature_algorithms, kCH | kCR},
    Placement{T::use_srtp, kCH | kEE},
    Placement{T::heartbeat, kCH | kEE},
    Placement{T::application_layer_protocol_negotiation, kCH | kEE},
    Placement{T::signed_certificate_timestamp, kCH | kCR | kCT},
    Placement{T::client_certificate_type, kCH | kEE},
    Placement{T::server_certificate_type, kCH | kEE},
    Placement{T::padding, kCH},
    Placement{T::key_share, kCH | kSH | kHRR},
    Placement{T::pre_shared_key, kCH | kSH},
    Placement{T::psk_key_exchange_modes, kCH},
    Placement{T::early_data, kCH | kEE | kNST},
    Placement{T::cookie, kCH | kHRR},
    Placement{T::supported_versions, kCH | kSH | kHRR},
    Placement{T::certificate_authorities, kCH | kCR},
    Placement{T::oid_filters, kCR},
    Placement{T::post_handshake_auth, kCH},
    Placement{T::signature_algorithms_cert, kCH | kCR},
    Placement{T::record_size_limit, kCH | kEE},
};

}  // namespace

bool allowed_in_tls13(ExtensionType type, ExtensionContext message) {
  for (const Placement& p : kTable) {
    if (p.type == type) return (p.messages & in(message)) != 0;
  }
  // Known but not in the table: a TLS 1.2 extension, at home only in a
  // ClientHello. Unknown ones are the unsolicited check's to judge.
  return message == C::client_hello || !known_extension_type(static_cast<uint16_t>(type));
}

Status check_tls13_placement(ExtensionContext message, const std::optional<Extensions>& block) {
  if (!block) return ok_status();
  for (const Extension& e : block->list) {
    if (!allowed_in_tls13(e.type, message)) {
      return illegal_parameter(iana_name(e.type) + " is not allowed in this TLS 1.3 message");
    }
  }
  return ok_status();
}

}  // namespace gauntlet
