#include "conformance/targets/socket_channel.h"

namespace gauntlet::conformance {

Status SocketChannel::send(ByteView bytes) {
  return net::send_all(fd_, bytes, net::deadline_in(std::chrono::seconds(5)));
}

Result<Received> SocketChannel::receive(net::Deadline deadline) {
  auto got = net::receive_some(fd_, deadline);
  if (!got) return got.error();
  const bool closed = got->empty();
  return Received{std::move(got).value(), closed};
}

}  // namespace gauntlet::conformance
