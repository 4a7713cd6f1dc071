// server_name in a ClientHello (RFC 6066 §3): server_name_list<1..2^16-1> of
// (name_type, HostName<1..2^16-1>). Only host_name(0) is defined and the
// list may hold one name per type: a repeat is illegal_parameter. An unknown
// name_type cannot be skipped safely (its body format is unknown), so it is
// decode_error, as BoringSSL and OpenSSL treat it. A host_name must be a DNS
// name (check_host_name): anything else is illegal_parameter, so a server
// never carries control bytes or kilobytes of "name" into its logs.
#pragma once

#include <string>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"

namespace gauntlet {

// RFC 6066 §3: at most 255 bytes of letters, digits, hyphens and dots, no
// empty label, no trailing dot; illegal_parameter otherwise (the value is
// well-formed TLS but out of range, RFC 5246 §7.2.2).
Status check_host_name(ByteView name);

// RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in
// HostName." A client names such a host by verifying it, not by sending it.
bool is_ip_literal(const std::string& name);

struct ServerNameList {
  std::vector<std::string> host_names;  // in practice exactly one

  static Result<ServerNameList> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const ServerNameList&) const = default;
};

}  // namespace gauntlet
