// application_layer_protocol_negotiation (RFC 7301 §3.1):
// protocol_name_list<2..2^16-1> of ProtocolName<1..2^8-1>. In a ServerHello
// the list holds exactly one name (the engine checks that; the codec keeps
// the list).
#pragma once

#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

struct Alpn {
  std::vector<std::string> protocols;

  static Result<Alpn> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const Alpn&) const = default;
};

}  // namespace gauntlet
