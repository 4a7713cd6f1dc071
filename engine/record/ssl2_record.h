// SSL 2.0 record framing (SSL 2.0 spec §1.1–1.2), sans-IO like the TLS
// header parser: "need more bytes", a record, or an error with its alert.
#pragma once

#include <cstddef>
#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/record/record_header.h"

namespace gauntlet {

// A record as it lies in the bytes it was read from.
struct Ssl2RecordView {
  Ssl2HeaderForm form;
  bool escape;     // IS-ESCAPE; what an escape means is the caller's call
  size_t padding;  // PADDING, from the header
  ByteView body;   // MAC-DATA || ACTUAL-DATA || PADDING-DATA, as received
};

// Reads one record from the front of `in`. nullopt (and `in` untouched)
// when more bytes are needed; decode_error when the padding exceeds the
// body. A header cannot announce more than the spec's maximum (32767 bytes).
Result<std::optional<Ssl2RecordView>> read_ssl2_record(Reader& in);

}  // namespace gauntlet
