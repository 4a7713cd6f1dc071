// Reads a capture as `gauntlet decode` accepts it: raw bytes; hex text
// (whitespace, colons and '#' comment lines ignored), as most dump tools
// print it; or an `openssl s_client -msg` / `s_server -msg` trace, from which
// the records of one direction are rebuilt.
#pragma once

#include "engine/base/reader.h"

namespace gauntlet {

// In an -msg trace, ">>>" marks what the tracing peer sent, "<<<" what it
// received.
enum class TraceDirection { sent, received };

struct Capture {
  Bytes records;
  // An -msg trace shows records after ChangeCipherSpec decrypted.
  bool decrypted = false;
};

Capture read_capture(ByteView file_contents, TraceDirection direction = TraceDirection::sent);

}  // namespace gauntlet
