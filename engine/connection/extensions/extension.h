// One row per extension the engine negotiates, after BoringSSL's kExtensions:
// a row holds that extension's whole life in a handshake, each hook called by
// the hello code of one role through extension_table.h. A hook that has
// nothing to do is left null.
//
//   add_to_client_hello  client: our body for the ClientHello, or none
//   on_client_hello      server: reads the client's body (null: absent)
//   add_to_reply         server: our body for a reply message, or none
//   on_reply             client: reads the server's body in a reply
//
// Replies are named by the message they go in (`ExtensionContext`); a row
// says where it replies below TLS 1.3 (ServerHello) and in TLS 1.3
// (ServerHello, EncryptedExtensions, ...), and in which versions the server
// reads it at all. Our ClientHello, which offers every version, carries
// every row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/connection/handshake_state.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

// What a hook sees: the configuration, this handshake's state, and what the
// connection keeps across handshakes for RFC 5746.
struct HelloScope {
  const Config& config;
  HelloState& hs;
  const ClientOptions& options;  // client: the name it asks for
  bool renegotiating = false;    // a handshake completed before this one
  bool fuzzer_mode = false;      // Config::fuzzer_mode in the fuzzing build
  // RFC 5746 §3.1: whether this connection renegotiates securely, and the
  // verify_data of the last Finished each side sent.
  bool& secure_renegotiation;
  const Bytes& client_verify_data;
  const Bytes& server_verify_data;
};

// What a client's reply hook reads: the message, its whole extensions block
// (none: the message had no block at all) and this row's body (null: absent).
struct Reply {
  ExtensionContext kind;
  const std::optional<Extensions>& block;
  const ExtensionBody* body;
};

// The messages a row's reply may go in, one bit per ExtensionContext.
using MessageSet = uint32_t;
constexpr MessageSet in(ExtensionContext kind) { return MessageSet{1} << static_cast<int>(kind); }

struct ExtensionRow {
  ExtensionType type;
  MessageSet replies_in = 0;        // SSL 3.0–TLS 1.2
  MessageSet tls13_replies_in = 0;  // TLS 1.3 (RFC 8446 §4.2's table)
  // Which handshakes the row takes part in on the server's side. A row that
  // settles the version (supported_versions) runs before it is known.
  bool up_to_tls12 = true;
  bool in_tls13 = false;
  // RFC 5746 §4.5: an SSL 3.0 hello carries no extensions but this one, when
  // it renegotiates securely.
  bool in_ssl3_renegotiation = false;
  std::optional<ExtensionBody> (*add_to_client_hello)(const HelloScope&) = nullptr;
  Status (*on_client_hello)(HelloScope&, const ExtensionBody*) = nullptr;
  std::optional<ExtensionBody> (*add_to_reply)(HelloScope&, ExtensionContext) = nullptr;
  Status (*on_reply)(HelloScope&, const Reply&) = nullptr;
  // Whether our ClientHello asked for this extension without carrying it
  // (renegotiation_info's SCSV, RFC 5746 §3.4); the unsolicited check asks.
  bool (*asked_without_extension)(const ClientHello&) = nullptr;
};

// The body as T, or null when absent (or of another form).
template <typename T>
const T* body_as(const ExtensionBody* body) {
  return body ? std::get_if<T>(body) : nullptr;
}

// The hello's extension of this type, or null.
const ExtensionBody* find_body(const std::optional<Extensions>& extensions, ExtensionType type);

// The rows, one unit each in this folder (extension_table.cc orders them).
extern const ExtensionRow kServerNameRow;
extern const ExtensionRow kEcPointFormatsRow;
extern const ExtensionRow kSupportedGroupsRow;
extern const ExtensionRow kSessionTicketRow;
extern const ExtensionRow kSignatureAlgorithmsRow;
extern const ExtensionRow kSignatureAlgorithmsCertRow;
extern const ExtensionRow kAlpnRow;
extern const ExtensionRow kEncryptThenMacRow;
extern const ExtensionRow kExtendedMasterSecretRow;
extern const ExtensionRow kMaxFragmentLengthRow;
extern const ExtensionRow kRecordSizeLimitRow;
extern const ExtensionRow kRenegotiationInfoRow;
extern const ExtensionRow kSupportedVersionsRow;
extern const ExtensionRow kKeyShareRow;
extern const ExtensionRow kPskKeyExchangeModesRow;
extern const ExtensionRow kCookieRow;
extern const ExtensionRow kPreSharedKeyRow;
extern const ExtensionRow kPostHandshakeAuthRow;
extern const ExtensionRow kEarlyDataRow;

}  // namespace gauntlet
