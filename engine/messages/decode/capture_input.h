// Reads a capture as `gauntlet decode` accepts it: raw bytes, or hex text
// (whitespace, colons and '#' comment lines ignored), which is what
// `openssl s_client -msg` and most dump tools print.
#pragma once

#include "engine/base/reader.h"

namespace gauntlet {

// Hex if every non-comment character is a hex digit, whitespace or ':' and
// the digit count is even; raw otherwise.
Bytes decode_capture_text(ByteView file_contents);

}  // namespace gauntlet
