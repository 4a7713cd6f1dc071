// The ClientHellos a profile is drawn from. Each probe asks one question
// (does the server speak this version, pick from these suites, know this
// group, answer these extensions?) with a hello that a real client could
// send, so a server's answer is about that question and not about an odd
// hello. Nothing here needs more than the server's first flight.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/messages/handshake/client_hello.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"

namespace gauntlet::conformance {

struct HelloQuestion {
  ProtocolVersion version;               // offered as the highest
  std::vector<CipherSuite> suites = {};  // in our order of preference
  std::vector<NamedGroup> groups = {};   // supported_groups (empty: all we know)
  std::vector<ExtensionType> optional = {};  // extensions beyond the version's base set
  std::vector<SignatureScheme> schemes = {};  // signature_algorithms (empty: all we know)
  std::vector<CompressionMethod> compression = {CompressionMethod::null};
  std::string server_name = {};          // empty or an address: no SNI (RFC 6066 §3)
};

// Every suite the registry knows for `version` (TLS 1.3's own for 1.3),
// signalling values left out.
std::vector<CipherSuite> suites_for(ProtocolVersion version);
// Every named group a server could choose, in wire order.
std::vector<NamedGroup> all_groups();
// Every signature scheme a server could sign with, the strong ones first.
std::vector<SignatureScheme> all_schemes();
// The optional extensions a profile asks about in one hello (RFC 8449 §5:
// record_size_limit supersedes max_fragment_length, so that one is asked
// alone).
std::vector<ExtensionType> profiled_extensions();

// The hello for a question: TLS 1.2 and below carry the version in
// legacy_version; TLS 1.3 carries supported_versions, a key_share for
// x25519 (when offered) and psk_key_exchange_modes. The record version is
// TLS 1.0 for every one, as clients send it (RFC 8446 §5.1, RFC 5246 E.1).
ClientHello probe_hello(const HelloQuestion& q);
Bytes probe_record(const HelloQuestion& q);

}  // namespace gauntlet::conformance
