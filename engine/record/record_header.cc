#include "engine/record/record_header.h"

#include <string>

#include "engine/base/writer.h"

namespace gauntlet {

Result<std::optional<RecordView>> read_record_view(Reader& in, size_t max_fragment) {
  Reader r = in;
  uint8_t type;
  uint16_t version, length;
  if (!r.u8(type) || !r.u16(version) || !r.u16(length)) return std::optional<RecordView>{};
  const std::optional<ContentType> known = known_content_type(type);
  if (!known) {
    return Error{AlertDescription::unexpected_message,
                 "record of unknown content type " + std::to_string(type)};
  }
  if (length > max_fragment) {
    return Error{
        AlertDescription::record_overflow,
        "record of " + std::to_string(length) + " bytes exceeds " + std::to_string(max_fragment)};
  }
  ByteView fragment;
  if (!r.bytes(length, fragment)) return std::optional<RecordView>{};
  in = r;
  return std::optional<RecordView>{
      RecordView{*known, static_cast<ProtocolVersion>(version), fragment}};
}

Result<std::optional<Record>> read_record(Reader& in, size_t max_fragment) {
  auto view = read_record_view(in, max_fragment);
  if (!view) return view.error();
  if (!view->has_value()) return std::optional<Record>{};
  const RecordView& v = **view;
  return std::optional<Record>{
      Record{v.type, v.version, Bytes(v.fragment.begin(), v.fragment.end())}};
}

RecordHeader write_record_header(ContentType type, ProtocolVersion version, size_t length) {
  if (length > 0xffff) length = 0;
  const auto v = static_cast<uint16_t>(version);
  return {static_cast<uint8_t>(type), static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v),
          static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
}

Bytes write_record(ContentType type, ProtocolVersion version, ByteView fragment) {
  // Sized once, as every record sent passes here.
  const RecordHeader header = write_record_header(type, version, fragment.size());
  Bytes out;
  out.reserve(kRecordHeaderSize + fragment.size());
  out.assign(header.begin(), header.end());
  out.insert(out.end(), fragment.begin(), fragment.end());
  return out;
}

Result<std::optional<Ssl2RecordHeader>> read_ssl2_header(ByteView in) {
  Reader r(in);
  uint16_t first;
  if (!r.u16(first)) return std::optional<Ssl2RecordHeader>{};
  if (first & 0x8000) {
    return std::optional<Ssl2RecordHeader>{
        Ssl2RecordHeader{2, size_t{first} & kSsl2MaxTwoByteLength, 0}};
  }
  uint8_t padding;
  if (!r.u8(padding)) return std::optional<Ssl2RecordHeader>{};
  const size_t length = first & kSsl2MaxThreeByteLength;
  if (padding > length) return decode_error("SSLv2 record padding exceeds its length");
  return std::optional<Ssl2RecordHeader>{
      Ssl2RecordHeader{3, length, padding, (first & 0x4000) != 0}};
}

Result<Bytes> write_ssl2_header(size_t length, size_t padding, Ssl2HeaderForm form) {
  Writer w;
  if (padding == 0 && form == Ssl2HeaderForm::two_byte) {
    if (length > kSsl2MaxTwoByteLength) return internal_error("SSLv2 record too long");
    w.u16(static_cast<uint16_t>(0x8000 | length));
  } else {
    if (length > kSsl2MaxThreeByteLength || padding > 0xff || padding > length) {
      return internal_error("SSLv2 record length or padding out of range");
    }
    w.u16(static_cast<uint16_t>(length));
    w.u8(static_cast<uint8_t>(padding));
  }
  return w.take();
}

bool looks_like_ssl2_client_hello(ByteView first_bytes) {
  Reader r(first_bytes);
  uint8_t b0, b1, msg_type;
  return r.u8(b0) && r.u8(b1) && r.u8(msg_type) && (b0 & 0x80) != 0 &&
         msg_type == static_cast<uint8_t>(1);
}

}  // namespace gauntlet
