// Test support: editing a flight of records in transit, as an attacker on
// the wire would: rewrite, drop or duplicate a handshake message still in
// the clear, or slip in a record. Records after a ChangeCipherSpec are
// encrypted and pass through untouched.
#pragma once

#include <functional>
#include <optional>

#include "engine/base/reader.h"
#include "engine/connection/connection.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet::test_support {

using BodyEdit = std::function<void(Bytes& body)>;

// Each handshake message goes out in a record of its own.
Bytes edit_message(ByteView flight, HandshakeType type, const BodyEdit& edit);
Bytes drop_message(ByteView flight, HandshakeType type);
Bytes duplicate_message(ByteView flight, HandshakeType type);
// `record` goes in before the message of this type, or at the end.
Bytes insert_before(ByteView flight, std::optional<HandshakeType> type, ByteView record);

// Carries bytes like pump(), passing each flight through `edit` first.
using FlightEdit = std::function<Bytes(Role sender, Bytes flight)>;
bool pump_edited(Connection& client, Connection& server, const FlightEdit& edit);

// A plaintext record, for insert_before.
Bytes plain_record(ContentType type, ProtocolVersion version, ByteView body);

}  // namespace gauntlet::test_support
