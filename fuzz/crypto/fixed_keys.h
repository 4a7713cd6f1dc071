// Fixed keys for the targets that open protected data (records, session
// tickets) and for the program that seals their seed corpora: both must use
// the same ones, or no seed would open.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/record/protection.h"
#include "engine/record/ssl2_protection.h"
#include "engine/session/ticket_keys.h"

namespace gauntlet::fuzzing {

// The one key of the session_ticket target.
TicketKey fixed_ticket_key();

// One protection mode of RFC 5246 §6.2.3 (or RFC 8446 §5.2): the variants a
// target's selector byte chooses among.
struct ProtectionVariant {
  ProtocolVersion version;
  CipherAlgorithm cipher;
  MacAlgorithm mac;
  bool encrypt_then_mac = false;
};

enum class ProtectionMode { null, stream, cbc, aead, tls13 };

// Every variant of a mode the record layer accepts.
const std::vector<ProtectionVariant>& protection_variants(ProtectionMode mode);

// The variant's protection in one direction, under fixed keys. `random`
// supplies TLS 1.1+ explicit CBC IVs and must outlive the result.
std::unique_ptr<RecordProtection> fixed_protection(const ProtectionVariant& v,
                                                   CipherDirection direction,
                                                   RandomSource& random);

// SSL 2.0: the clear form (nullopt), then every cipher kind this libcrypto
// has, in the registry's order: what open_ssl2's selector chooses among.
const std::vector<std::optional<Ssl2CipherKind>>& ssl2_variants();

// One direction of the SSL 2.0 record layer, at sequence number 0, under
// fixed session keys and KEY-ARG-DATA (or in the clear).
Ssl2RecordProtection fixed_ssl2_protection(std::optional<Ssl2CipherKind> kind,
                                           CipherDirection direction);

}  // namespace gauntlet::fuzzing
