// A channel over a TCP connection to a real process or host.
#pragma once

#include "conformance/sut/channel.h"

namespace gauntlet::conformance {

class SocketChannel final : public Channel {
 public:
  explicit SocketChannel(net::Fd fd) : fd_(std::move(fd)) {}
  Status send(ByteView bytes) override;
  Result<Received> receive(net::Deadline deadline) override;

 private:
  net::Fd fd_;
};

}  // namespace gauntlet::conformance
