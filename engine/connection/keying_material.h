// Keying material exporters over what a completed handshake negotiated:
// RFC 8446 §7.5 in TLS 1.3, RFC 5705 below it. Both sides of one connection
// get the same bytes for the same label, context and length.
#pragma once

#include <optional>
#include <string_view>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"

namespace gauntlet {

// internal_error before a handshake has completed, and wherever the
// version's exporter refuses (engine/key_schedule/exporter.h).
Result<Bytes> export_keying_material(const Negotiated& n, std::string_view label,
                                     std::optional<ByteView> context, size_t length);

// §7.5: the same over early_exporter_master_secret, which both sides have
// when the server took 0-RTT data; internal_error otherwise.
Result<Bytes> export_early_keying_material(const Negotiated& n, std::string_view label,
                                           std::optional<ByteView> context, size_t length);

}  // namespace gauntlet
