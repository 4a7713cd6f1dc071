#include "engine/base/writer.h"

namespace gauntlet {

Writer::Writer(Writer* parent, size_t width)
    : buf_(parent->buf_), failed_(parent->failed_), prefix_width_(width) {
  buf_->resize(buf_->size() + width, 0);
  body_start_ = buf_->size();
}

void Writer::bytes(ByteView v) { buf_->insert(buf_->end(), v.begin(), v.end()); }

void Writer::close() {
  if (prefix_width_ == 0 || closed_) return;
  closed_ = true;
  const uint64_t len = buf_->size() - body_start_;
  if (len >= (uint64_t{1} << (8 * prefix_width_))) {
    *failed_ = true;
    return;
  }
  for (size_t i = 0; i < prefix_width_; ++i) {
    (*buf_)[body_start_ - 1 - i] = static_cast<uint8_t>(len >> (8 * i));
  }
}

}  // namespace gauntlet
