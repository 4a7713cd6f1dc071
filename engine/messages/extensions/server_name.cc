#include "engine/messages/extensions/server_name.h"

#include <arpa/inet.h>

#include "engine/messages/common/codec.h"

namespace gauntlet {

namespace {
bool is_ldh(uint8_t ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '-';
}
}  // namespace

Status check_host_name(ByteView name) {
  // RFC 1035 §2.3.4 caps a DNS name at 255 octets; HostName is the ASCII
  // name without a trailing dot (RFC 6066 §3), A-labels for IDNs.
  if (name.size() > 255) return illegal_parameter("server_name: HostName over 255 bytes");
  size_t label = 0;
  for (const uint8_t ch : name) {
    if (ch == '.') {
      if (label == 0) return illegal_parameter("server_name: empty label in HostName");
      label = 0;
    } else if (!is_ldh(ch)) {
      return illegal_parameter("server_name: HostName has a byte that is not a letter, digit, "
                               "hyphen or dot");
    } else {
      ++label;
    }
  }
  if (label == 0) return illegal_parameter("server_name: HostName ends with a dot");
  return ok_status();
}

bool is_ip_literal(const std::string& name) {
  unsigned char address[sizeof(in6_addr)];
  return inet_pton(AF_INET, name.c_str(), address) == 1 ||
         inet_pton(AF_INET6, name.c_str(), address) == 1;
}

Result<ServerNameList> ServerNameList::parse(ByteView body) {
  Reader r(body), list;
  if (!r.prefixed16(list)) return truncated("server_name");
  if (Status s = expect_end(r, "server_name"); !s) return s.error();
  if (list.empty()) return decode_error("server_name: empty server_name_list");
  ServerNameList m;
  while (!list.empty()) {
    uint8_t type;
    Bytes name;
    if (!list.u8(type) || !list.vec16(name)) return truncated("server_name entry");
    if (type != 0) return decode_error("server_name: unknown name_type");
    if (name.empty()) return decode_error("server_name: empty HostName");
    if (!m.host_names.empty()) return illegal_parameter("server_name: two host names");
    if (Status s = check_host_name(name); !s) return s.error();
    m.host_names.emplace_back(name.begin(), name.end());
  }
  return m;
}

void ServerNameList::serialize(Writer& w) const {
  Writer list = w.prefixed16();
  for (const std::string& name : host_names) {
    list.u8(0);
    Writer n = list.prefixed16();
    n.bytes(ByteView(reinterpret_cast<const uint8_t*>(name.data()), name.size()));
  }
}

}  // namespace gauntlet
