// NSS key log lines (the SSLKEYLOGFILE format Wireshark reads) for every
// TLS 1.3 secret: "<LABEL> <client random, hex> <secret, hex>", one label
// per secret. The TLS 1.2 line is the same shape with label CLIENT_RANDOM
// and the master secret.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/reader.h"

namespace gauntlet {

enum class Tls13Secret {
  client_early_traffic,
  client_handshake_traffic,
  server_handshake_traffic,
  client_application_traffic_0,
  server_application_traffic_0,
  early_exporter,
  exporter,
};

// "CLIENT_HANDSHAKE_TRAFFIC_SECRET" etc.
std::string_view keylog_label(Tls13Secret s);

// One line, without the newline.
std::string keylog_line(std::string_view label, ByteView client_random, ByteView secret);
std::string keylog_line(Tls13Secret s, ByteView client_random, ByteView secret);

}  // namespace gauntlet
