#include "conformance/targets/local_channel.h"

namespace gauntlet::conformance {

LocalChannel::LocalChannel(std::unique_ptr<LocalSut> sut) : sut_(std::move(sut)) {
  pending_ = sut_->exchange({});
}

Status LocalChannel::send(ByteView bytes) {
  if (sut_->closed()) return internal_error("the SUT has closed the connection");
  const Bytes out = sut_->exchange(bytes);
  pending_.insert(pending_.end(), out.begin(), out.end());
  return ok_status();
}

Result<Received> LocalChannel::receive(net::Deadline) {
  if (!pending_.empty()) return Received{std::exchange(pending_, {}), false};
  if (sut_->closed() && !told_closed_) {
    told_closed_ = true;
    return Received{{}, true};
  }
  return silence();
}

}  // namespace gauntlet::conformance
