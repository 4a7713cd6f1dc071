// NSS key log lines (the SSLKEYLOGFILE format Wireshark reads): for TLS 1.2
// and earlier, "CLIENT_RANDOM <client random, hex> <master secret, hex>".
#pragma once

#include <string>

#include "engine/base/reader.h"

namespace gauntlet {

std::string nss_keylog_line(ByteView client_random, ByteView master_secret);

}  // namespace gauntlet
