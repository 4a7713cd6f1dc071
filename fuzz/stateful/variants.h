// The stateful targets and their variants. A variant pins part of the
// settings header (client auth, tickets, a version family), so the fuzzer
// spends its time on those paths instead of rediscovering the flags; the
// input format stays the same, so every variant reads the plain corpus too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz/stateful/settings.h"

namespace gauntlet::fuzzing {

// ssl2 speaks SSL 2.0 alone (min and max; with SSL 3.0 in range our client
// would write, and our server refuse, the RFC 6101 E.2 rollback guard). The
// tls13 ones offer TLS 1.3 (RFC 8446): a 1-RTT handshake, with a
// HelloRetryRequest, resuming with a PSK from a ticket, and with a client
// certificate (the header's bits then choose whether the server asks in
// the handshake, after it, or both).
enum class Variant {
  any,
  client_auth,
  tickets,
  ssl3,
  tls10_11,
  tls12,
  ssl2,
  tls13,
  tls13_hrr,
  tls13_psk,
  tls13_client_auth,
};

// Applies the variant's pins to settings read from an input.
void pin(Variant v, Settings& s);
// Whether settings already have the variant's pins (which seeds it keeps).
// The header cannot say SSL 2.0, so only the ssl2 variant keeps its seeds.
bool matches(Variant v, const Settings& s);

// Writes a seed (the header, then `stream`) named `name` into
// corpora/ROLE and corpora/ROLE_VARIANT for every variant that keeps it
// (matches); returns how many files.
int save_seed(const std::filesystem::path& corpora, const std::string& role,
              const std::string& name, const Settings& s, ByteView stream);

// One fuzz input: the settings header, then the peer's stream.
void fuzz_client(const uint8_t* data, size_t size, Variant v);
void fuzz_server(const uint8_t* data, size_t size, Variant v);

}  // namespace gauntlet::fuzzing
