#include "engine/base/reader.h"

namespace gauntlet {

// A length prefix of 1, 2 or 3 bytes.
bool Reader::uint(size_t width, uint64_t& out) {
  switch (width) {
    case 1: return fixed<1>(out);
    case 2: return fixed<2>(out);
    case 3: return fixed<3>(out);
    default: return false;
  }
}

bool Reader::peek_u8(uint8_t& out) const {
  if (data_.empty()) return false;
  out = data_.front();
  return true;
}

bool Reader::bytes(size_t n, Bytes& out) {
  ByteView v;
  if (!bytes(n, v)) return false;
  out.assign(v.begin(), v.end());
  return true;
}

bool Reader::skip(size_t n) {
  ByteView ignored;
  return bytes(n, ignored);
}

bool Reader::prefixed(size_t width, Reader& out) {
  Reader copy = *this;
  uint64_t len;
  ByteView body;
  if (!copy.uint(width, len) || !copy.bytes(len, body)) return false;
  *this = copy;
  out = Reader(body);
  return true;
}

bool Reader::prefixed8(Reader& out) { return prefixed(1, out); }
bool Reader::prefixed16(Reader& out) { return prefixed(2, out); }
bool Reader::prefixed24(Reader& out) { return prefixed(3, out); }

bool Reader::vec(size_t width, Bytes& out) {
  Reader body;
  if (!prefixed(width, body)) return false;
  out.assign(body.rest().begin(), body.rest().end());
  return true;
}

bool Reader::vec8(Bytes& out) { return vec(1, out); }
bool Reader::vec16(Bytes& out) { return vec(2, out); }
bool Reader::vec24(Bytes& out) { return vec(3, out); }

}  // namespace gauntlet
