#include "engine/key_schedule/keylog.h"

#include <array>

namespace gauntlet {
namespace {

struct LabelRow {
  Tls13Secret secret;
  std::string_view label;
};

// The labels NSS defined and OpenSSL, BoringSSL and Wireshark share.
constexpr std::array<LabelRow, 7> kLabels = {{
    {Tls13Secret::client_early_traffic, "CLIENT_EARLY_TRAFFIC_SECRET"},
    {Tls13Secret::client_handshake_traffic, "CLIENT_HANDSHAKE_TRAFFIC_SECRET"},
    {Tls13Secret::server_handshake_traffic, "SERVER_HANDSHAKE_TRAFFIC_SECRET"},
    {Tls13Secret::client_application_traffic_0, "CLIENT_TRAFFIC_SECRET_0"},
    {Tls13Secret::server_application_traffic_0, "SERVER_TRAFFIC_SECRET_0"},
    {Tls13Secret::early_exporter, "EARLY_EXPORTER_SECRET"},
    {Tls13Secret::exporter, "EXPORTER_SECRET"},
}};

void append_hex(std::string& out, ByteView bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (const uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
}

}  // namespace

std::string_view keylog_label(Tls13Secret s) {
  for (const LabelRow& row : kLabels) {
    if (row.secret == s) return row.label;
  }
  return {};
}

std::string keylog_line(std::string_view label, ByteView client_random, ByteView secret) {
  std::string line(label);
  line.push_back(' ');
  append_hex(line, client_random);
  line.push_back(' ');
  append_hex(line, secret);
  return line;
}

std::string keylog_line(Tls13Secret s, ByteView client_random, ByteView secret) {
  return keylog_line(keylog_label(s), client_random, secret);
}

}  // namespace gauntlet
