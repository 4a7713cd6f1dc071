// Record framing: the TLS record header (RFC 5246 §6.2.1) and the SSL 2.0
// record header, which a server meets in an SSLv2-compatible ClientHello
// (RFC 5246 appendix E.2).
#pragma once

#include <array>
#include <cstddef>
#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

constexpr size_t kRecordHeaderSize = 5;
constexpr size_t kMaxPlaintext = size_t{1} << 14;            // RFC 5246 §6.2.1
constexpr size_t kMaxCiphertext = kMaxPlaintext + 2048;      // RFC 5246 §6.2.3
constexpr size_t kMaxTls13Ciphertext = kMaxPlaintext + 256;  // RFC 8446 §5.2

// A record as it lies in the bytes it was read from: the fragment points
// into them, so the record layer opens it where it arrived.
struct RecordView {
  ContentType type;
  ProtocolVersion version;  // the wire value, known or not
  ByteView fragment;
};

// A record that owns its fragment, for records kept past their input.
struct Record {
  ContentType type;
  ProtocolVersion version;
  Bytes fragment;

  bool operator==(const Record&) const = default;
};

// Reads one record from the front of `in`. nullopt (and `in` untouched) when
// more bytes are needed. An unknown content type is unexpected_message
// (RFC 5246 §6); a length over max_fragment is record_overflow.
Result<std::optional<RecordView>> read_record_view(Reader& in,
                                                   size_t max_fragment = kMaxCiphertext);
Result<std::optional<Record>> read_record(Reader& in, size_t max_fragment = kMaxCiphertext);

using RecordHeader = std::array<uint8_t, kRecordHeaderSize>;
// A length over 2^16-1 is written as 0, as a Writer's failed prefix would be.
RecordHeader write_record_header(ContentType type, ProtocolVersion version, size_t length);
Bytes write_record(ContentType type, ProtocolVersion version, ByteView fragment);

// SSL 2.0 record header (SSL 2.0 spec §1.1): two bytes with the high bit
// set (no padding, length up to 32767), or three bytes (high bit clear, the
// next bit IS-ESCAPE, length up to 16383, then a padding-length byte).
enum class Ssl2HeaderForm { two_byte, three_byte };
constexpr size_t kSsl2MaxTwoByteLength = 0x7fff;
constexpr size_t kSsl2MaxThreeByteLength = 0x3fff;

struct Ssl2RecordHeader {
  size_t header_size;  // 2 or 3
  size_t length;       // of the record body, padding included
  size_t padding;
  bool escape = false;  // a security escape: the spec defines none

  bool operator==(const Ssl2RecordHeader&) const = default;
};

// nullopt when more bytes are needed. Padding longer than the body is
// decode_error.
Result<std::optional<Ssl2RecordHeader>> read_ssl2_header(ByteView in);
// The 2-byte form, or the 3-byte form when there is padding or it is asked
// for (a 3-byte header may say zero padding); internal_error for a length
// or padding the form cannot carry.
Result<Bytes> write_ssl2_header(size_t length, size_t padding,
                                Ssl2HeaderForm form = Ssl2HeaderForm::two_byte);

// True if these first bytes look like an SSL 2.0 CLIENT-HELLO rather than a
// TLS record: 2-byte header with the high bit set, message type 1
// (RFC 5246 appendix E.2).
bool looks_like_ssl2_client_hello(ByteView first_bytes);

}  // namespace gauntlet
