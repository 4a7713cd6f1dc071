// The SSL 2.0 record stream of one connection (SSL 2.0 spec §1.1–1.2): the
// bytes received, and one Ssl2RecordProtection per direction, which counts
// every record from the first CLIENT-HELLO on, clear ones too. Each record
// carries one message or application data.
#pragma once

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/connection/record_layer.h"
#include "engine/record/ssl2_protection.h"

namespace gauntlet {

class Ssl2Records {
 public:
  void feed(ByteView bytes);
  // The next record's ACTUAL-DATA; nullopt until a whole record has arrived.
  Result<std::optional<Bytes>> read();
  // A TLS alert record where the peer's first record belongs: how a server
  // that does not speak SSL 2.0 aborts (RFC 6176 §3). Read as SSL 2.0, its
  // header would announce a body of some 5 KB that never comes.
  std::optional<AlertDescription> tls_alert_first() const;
  // `data` as records (split at the protection's limit) into `out`.
  Status write(RecordLayer& out, ByteView data);

  Ssl2RecordProtection& read_protection() { return read_; }
  Ssl2RecordProtection& write_protection() { return write_; }

 private:
  Bytes in_;
  size_t in_pos_ = 0;
  Ssl2RecordProtection read_, write_;
  bool protected_seen_ = false;  // a protected record has been opened
  bool record_seen_ = false;
};

}  // namespace gauntlet
