// RFC 8446 §4.2's table of which extension may appear in which TLS 1.3
// message (with RFC 8449's record_size_limit): an extension the engine knows
// in a message the table does not list it for is illegal_parameter. Unknown
// extensions pass here; the unsolicited check (extension_table.h) answers
// those a server sends with unsupported_extension.
#pragma once

#include "engine/base/error.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

// Whether the table lets `type` appear in `message`. A TLS 1.2 extension
// (not in the table) may ride in a ClientHello, which serves both versions.
bool allowed_in_tls13(ExtensionType type, ExtensionContext message);

// illegal_parameter for the first extension of `block` that the table keeps
// out of `message`.
Status check_tls13_placement(ExtensionContext message, const std::optional<Extensions>& block);

}  // namespace gauntlet
