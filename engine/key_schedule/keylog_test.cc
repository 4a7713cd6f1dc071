// Key log lines: the NSS format and a label for every TLS 1.3 secret (the
// labels OpenSSL writes are checked in openssl_exporter_test).
#include "engine/key_schedule/keylog.h"

#include <gtest/gtest.h>

#include <set>

namespace gauntlet {
namespace {

TEST(Keylog, LineIsLabelRandomAndSecretInLowerHex) {
  const Bytes random = {0x00, 0xab, 0xff};
  const Bytes secret = {0x12, 0xcd};
  EXPECT_EQ(keylog_line(Tls13Secret::client_handshake_traffic, random, secret),
            "CLIENT_HANDSHAKE_TRAFFIC_SECRET 00abff 12cd");
  EXPECT_EQ(keylog_line("CLIENT_RANDOM", random, secret), "CLIENT_RANDOM 00abff 12cd");
}

TEST(Keylog, EverySecretHasItsOwnLabel) {
  const std::set<std::string_view> labels = {
      keylog_label(Tls13Secret::client_early_traffic),
      keylog_label(Tls13Secret::client_handshake_traffic),
      keylog_label(Tls13Secret::server_handshake_traffic),
      keylog_label(Tls13Secret::client_application_traffic_0),
      keylog_label(Tls13Secret::server_application_traffic_0),
      keylog_label(Tls13Secret::early_exporter),
      keylog_label(Tls13Secret::exporter)};
  EXPECT_EQ(labels, (std::set<std::string_view>{
                        "CLIENT_EARLY_TRAFFIC_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                        "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                        "SERVER_TRAFFIC_SECRET_0", "EARLY_EXPORTER_SECRET", "EXPORTER_SECRET"}));
}

}  // namespace
}  // namespace gauntlet
