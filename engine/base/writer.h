// Building wire data, in the spirit of BoringSSL's CBB. A length-prefixed
// vector is a child Writer that fills in its length when it is closed or goes
// out of scope:
//
//   Writer w;
//   { Writer exts = w.prefixed16(); exts.u16(0); ... }
//
// A body too long for its prefix marks the whole writer failed (ok() false),
// so serializers report the overflow instead of emitting a wrong length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/base/reader.h"

namespace gauntlet {

class Writer {
 public:
  Writer() : buf_(&own_), failed_(&own_failed_) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() { close(); }

  void u8(uint8_t v) { fixed<1>(v); }
  void u16(uint16_t v) { fixed<2>(v); }
  void u24(uint32_t v) {
    if (v >= (1u << 24)) *failed_ = true;
    fixed<3>(v);
  }
  void u32(uint32_t v) { fixed<4>(v); }
  void u64(uint64_t v) { fixed<8>(v); }
  void bytes(ByteView v);

  // Children. Write only to the child until it is closed.
  Writer prefixed8() { return Writer(this, 1); }
  Writer prefixed16() { return Writer(this, 2); }
  Writer prefixed24() { return Writer(this, 3); }

  // Shorthands for a prefixed vector of opaque bytes.
  void vec8(ByteView v) { prefixed8().bytes(v); }
  void vec16(ByteView v) { prefixed16().bytes(v); }
  void vec24(ByteView v) { prefixed24().bytes(v); }

  // Fills in this child's length prefix. Idempotent; a no-op on the root.
  void close();

  bool ok() const { return !*failed_; }
  // Bytes written so far by this writer (for a child: its body).
  size_t size() const { return buf_->size() - body_start_; }
  // The root's buffer. Only meaningful on the root.
  const Bytes& data() const { return *buf_; }
  Bytes take() { return std::move(own_); }

 private:
  Writer(Writer* parent, size_t width);
  // Big-endian (RFC 5246 §4.4); inline, as every serializer writes through it.
  template <size_t W>
  void fixed(uint64_t v) {
    for (size_t i = W; i > 0; --i) buf_->push_back(static_cast<uint8_t>(v >> (8 * (i - 1))));
  }

  Bytes own_;
  bool own_failed_ = false;
  Bytes* buf_;
  bool* failed_;
  size_t prefix_width_ = 0;  // 0 for the root
  size_t body_start_ = 0;
  bool closed_ = false;
};

}  // namespace gauntlet
