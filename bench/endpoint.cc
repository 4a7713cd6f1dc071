#include "bench/endpoint.h"

namespace gauntlet::bench {

std::string_view impl_name(Impl i) { return i == Impl::ours ? "ours" : "openssl"; }

bool pump(Endpoint& client, Endpoint& server) {
  // A TLS 1.2 handshake is at most four flights; anything longer is stuck.
  for (int round = 0; round < 16; ++round) {
    const Bytes to_server = client.take_output();
    if (!to_server.empty()) server.receive(to_server);
    const Bytes to_client = server.take_output();
    if (!to_client.empty()) client.receive(to_client);
    if (to_server.empty() && to_client.empty()) break;
  }
  return client.established() && server.established() && !client.failed() && !server.failed();
}

}  // namespace gauntlet::bench
