// Engine against engine in fuzzer mode under one Settings: what each side
// sent, as the other side's stateful target reads it behind the settings
// header. make_corpus saves these as seeds; the tests check that a target
// fed them goes as far as the conversation did.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "fuzz/stateful/settings.h"

namespace gauntlet::fuzzing {

struct Conversation {
  Bytes from_client, from_server;
  bool completed = false;
  Negotiated client, server;  // as each side ended
  // The KeyUpdates each side read (RFC 8446 §4.6.3).
  uint64_t client_read_key_updates = 0, server_read_key_updates = 0;
};

// `offer` narrows the client's Config (to one suite or SSL 2.0 cipher kind);
// `serve`, when given, changes the server's.
// Once established, below TLS 1.3 both write and one of them renegotiates
// (the server if server_renegotiates, else the client with
// Settings::renegotiation); in TLS 1.3 both do what after_handshake says.
// Neither pads its records (RFC 8446 §5.4): padding changes only their
// length, never what the other side sends, and padded seeds would be up to
// 16 KiB a record; the fuzzed side pads what it writes as its header says.
Conversation converse(const Settings& s, const std::function<void(Config&)>& offer,
                      bool server_renegotiates,
                      const std::function<void(Config&)>& serve = nullptr);

// The TLS 1.3 settings the seeds cover, by name: 1-RTT, client
// authentication in the handshake, after it or both (and each with the
// chains verified and signature_algorithms_cert), a HelloRetryRequest,
// under real keys (1-RTT with KeyUpdates, client authentication,
// resumption from a sealed ticket),
// resumption (psk_dhe_ke, psk_ke, after a HelloRetryRequest), a KeyUpdate
// without middlebox compatibility, a KeyUpdate before each write, 0-RTT data
// taken and refused by a HelloRetryRequest, each record padding mode.
std::vector<std::pair<std::string, Settings>> tls13_settings();

}  // namespace gauntlet::fuzzing
