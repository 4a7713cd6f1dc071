// A channel to a SUT in this process (our engine, OpenSSL's libssl): bytes
// are handed over by a call, and the SUT's answer is ready when it returns.
#pragma once

#include <memory>

#include "conformance/sut/channel.h"

namespace gauntlet::conformance {

// The SUT side of a local channel. Like a test server, it echoes what
// arrives once the handshake is done; like a test client, it sends
// kClientRequest (channel.h) after each handshake.
class LocalSut {
 public:
  virtual ~LocalSut() = default;
  // Our bytes in (none, to let a client start), the SUT's answer out.
  virtual Bytes exchange(ByteView in) = 0;
  virtual bool closed() const = 0;
  virtual SutView view() const = 0;
};

class LocalChannel final : public Channel {
 public:
  explicit LocalChannel(std::unique_ptr<LocalSut> sut);
  Status send(ByteView bytes) override;
  Result<Received> receive(net::Deadline deadline) override;
  std::optional<SutView> sut_view() const override { return sut_->view(); }
  bool silence_is_known() const override { return true; }

 private:
  std::unique_ptr<LocalSut> sut_;
  Bytes pending_;
  bool told_closed_ = false;
};

}  // namespace gauntlet::conformance
