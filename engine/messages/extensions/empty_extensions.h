// Extensions whose body is empty: extended_master_secret (RFC 7627 §5.1),
// encrypt_then_mac (RFC 7366 §2), and the empty acknowledgements of
// server_name (RFC 6066 §3), status_request (§8) and early_data
// (RFC 8446 §4.2.10). A non-empty body is decode_error.
#pragma once

#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/registry/extension_type.h"

namespace gauntlet {

template <ExtensionType Type>
struct EmptyExtension {
  static Result<EmptyExtension> parse(ByteView body) {
    if (!body.empty()) return decode_error(iana_name(Type) + ": body must be empty");
    return EmptyExtension{};
  }
  void serialize(Writer&) const {}
  bool operator==(const EmptyExtension&) const = default;
};

using ExtendedMasterSecret = EmptyExtension<ExtensionType::extended_master_secret>;
using EncryptThenMac = EmptyExtension<ExtensionType::encrypt_then_mac>;
using ServerNameAck = EmptyExtension<ExtensionType::server_name>;
using StatusRequestAck = EmptyExtension<ExtensionType::status_request>;
using EarlyDataIndication = EmptyExtension<ExtensionType::early_data>;
using PostHandshakeAuth = EmptyExtension<ExtensionType::post_handshake_auth>;

}  // namespace gauntlet
