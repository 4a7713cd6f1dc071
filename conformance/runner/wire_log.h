// Names the records of a byte stream for a transcript line: "handshake
// (ClientHello) 212, change_cipher_spec 1, handshake 40 (encrypted)", or
// "SSLv2 46 (CLIENT-HELLO)". Keeps a partial record until the rest arrives,
// and counts the HelloRetryRequests among them: a second one from a SUT
// server is an outcome of its own (steps/expect.h), which our client's
// abort on it would otherwise hide.
#pragma once

#include <string>

#include "engine/base/reader.h"

namespace gauntlet::conformance {

class WireLog {
 public:
  std::string describe(ByteView bytes);
  int hello_retry_requests() const { return hello_retry_requests_; }

 private:
  Bytes pending_;
  bool encrypted_ = false;  // after this direction's ChangeCipherSpec
  int ssl2_records_ = 0;    // SSL 2.0 records seen in this direction
  int hello_retry_requests_ = 0;
};

}  // namespace gauntlet::conformance
