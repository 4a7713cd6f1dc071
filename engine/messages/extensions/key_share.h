// key_share (RFC 8446 §4.2.8): KeyShareEntry is group + key_exchange
// <1..2^16-1>; a ClientHello carries client_shares<0..2^16-1>, a
// ServerHello one entry. (The HelloRetryRequest form is KeyShareHelloRetry.)
// A group offered twice is illegal_parameter.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/registry/named_group.h"

namespace gauntlet {

struct KeyShareEntry {
  NamedGroup group;
  Bytes key_exchange;
  bool operator==(const KeyShareEntry&) const = default;
};

struct ClientKeyShares {
  std::vector<KeyShareEntry> shares;
  static Result<ClientKeyShares> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const ClientKeyShares&) const = default;
};

struct ServerKeyShare {
  KeyShareEntry share;
  static Result<ServerKeyShare> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const ServerKeyShare&) const = default;
};

}  // namespace gauntlet
