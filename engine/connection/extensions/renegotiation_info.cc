// renegotiation_info (RFC 5746): binds a renegotiation to the connection it
// renegotiates. Empty in an initial handshake (or stood in for by the SCSV,
// §3.4), then the client's verify_data (ClientHello) or both sides'
// (ServerHello). What it settles, HelloScope::secure_renegotiation, outlives
// the handshake; a legacy config (Config::secure_renegotiation off) neither
// sends nor reads it.
#include <algorithm>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {
namespace {

bool scsv_in(const ClientHello& ch) {
  return std::ranges::find(ch.cipher_suites, CipherSuite::empty_renegotiation_info_scsv) !=
         ch.cipher_suites.end();
}

// The server's body: empty at first, both Finished after (RFC 5746 §3.5).
Bytes both_verify_data(const HelloScope& s) {
  Bytes both;
  if (s.renegotiating) {
    both = s.client_verify_data;
    both.insert(both.end(), s.server_verify_data.begin(), s.server_verify_data.end());
  }
  return both;
}

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.secure_renegotiation || (s.renegotiating && !s.secure_renegotiation)) {
    return std::nullopt;
  }
  return RenegotiationInfo{s.renegotiating ? s.client_verify_data : Bytes{}};
}

// RFC 5746 §3.6 and §3.7.
Status on_client_hello(HelloScope& s, const ExtensionBody* body) {
  const bool secure = s.config.secure_renegotiation;
  const auto* ri = secure ? body_as<RenegotiationInfo>(body) : nullptr;
  const bool scsv = secure && scsv_in(s.hs.client_hello);
  if (!s.renegotiating) {
    if (ri && !ri->renegotiated_connection.empty()) {
      return Error{AlertDescription::handshake_failure,
                   "non-empty renegotiation_info in an initial handshake"};
    }
    s.secure_renegotiation = ri || scsv;
  } else if (scsv) {
    return Error{AlertDescription::handshake_failure, "renegotiation SCSV in a renegotiation"};
  } else if (s.secure_renegotiation != (ri != nullptr) ||
             (ri && ri->renegotiated_connection != s.client_verify_data && !s.fuzzer_mode)) {
    return Error{AlertDescription::handshake_failure, "renegotiation_info does not match"};
  }
  return ok_status();
}

std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  if (!s.secure_renegotiation) return std::nullopt;
  return RenegotiationInfo{both_verify_data(s)};
}

// RFC 5746 §3.4 and §3.5.
Status on_reply(HelloScope& s, const Reply& r) {
  const auto* ri = body_as<RenegotiationInfo>(r.body);
  if (ri && ri->renegotiated_connection != both_verify_data(s) && !s.fuzzer_mode) {
    return Error{AlertDescription::handshake_failure,
                 "renegotiation_info does not match (RFC 5746 §3.4)"};
  }
  if (!s.renegotiating) {
    s.secure_renegotiation = ri != nullptr;
  } else if (s.secure_renegotiation && !ri) {
    return Error{AlertDescription::handshake_failure,
                 "renegotiation without renegotiation_info (RFC 5746 §3.5)"};
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kRenegotiationInfoRow{
    .type = ExtensionType::renegotiation_info,
    .replies_in = in(ExtensionContext::server_hello),
    .in_ssl3_renegotiation = true,
    .add_to_client_hello = add_to_client_hello,
    .on_client_hello = on_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
    .asked_without_extension = scsv_in,
};

}  // namespace gauntlet
