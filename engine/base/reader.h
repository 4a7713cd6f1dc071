// Bounds-checked reading of wire data, in the spirit of BoringSSL's CBS.
// Every parser in the engine reads through this type; nothing else indexes raw
// buffers. Each method either succeeds and advances, or fails and leaves the
// reader where it was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gauntlet {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

class Reader {
 public:
  Reader() = default;
  explicit Reader(ByteView data) : data_(data) {}

  size_t remaining() const { return data_.size(); }
  bool empty() const { return data_.empty(); }
  // The unread bytes.
  ByteView rest() const { return data_; }

  // Inline, as every parser's inner loop reads through them.
  [[nodiscard]] bool u8(uint8_t& out) { return fixed<1>(out); }
  [[nodiscard]] bool u16(uint16_t& out) { return fixed<2>(out); }
  [[nodiscard]] bool u24(uint32_t& out) { return fixed<3>(out); }
  [[nodiscard]] bool u32(uint32_t& out) { return fixed<4>(out); }
  [[nodiscard]] bool u64(uint64_t& out) { return fixed<8>(out); }

  [[nodiscard]] bool peek_u8(uint8_t& out) const;

  // The next n bytes, as a view into the input.
  [[nodiscard]] bool bytes(size_t n, ByteView& out) {
    if (data_.size() < n) return false;
    out = data_.first(n);
    data_ = data_.subspan(n);
    return true;
  }
  [[nodiscard]] bool bytes(size_t n, Bytes& out);
  [[nodiscard]] bool skip(size_t n);

  // A vector with a 1-, 2- or 3-byte length prefix, as a reader over its body.
  [[nodiscard]] bool prefixed8(Reader& out);
  [[nodiscard]] bool prefixed16(Reader& out);
  [[nodiscard]] bool prefixed24(Reader& out);

  // The same, copying the body out.
  [[nodiscard]] bool vec8(Bytes& out);
  [[nodiscard]] bool vec16(Bytes& out);
  [[nodiscard]] bool vec24(Bytes& out);

 private:
  // A big-endian integer of W bytes, as every TLS integer (RFC 5246 §4.4).
  template <size_t W, typename T>
  [[nodiscard]] bool fixed(T& out) {
    if (data_.size() < W) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < W; ++i) v = (v << 8) | data_[i];
    data_ = data_.subspan(W);
    out = static_cast<T>(v);
    return true;
  }
  [[nodiscard]] bool uint(size_t width, uint64_t& out);
  [[nodiscard]] bool prefixed(size_t width, Reader& out);
  [[nodiscard]] bool vec(size_t width, Bytes& out);

  ByteView data_;
};

}  // namespace gauntlet
