// The connection's record layer (RFC 5246 §6): splits received bytes into
// records and opens them with the current read state; fragments and seals
// outgoing data with the current write state. Keys change only when the
// connection says so (at ChangeCipherSpec).
#pragma once

#include <memory>
#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/connection/bugs.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"
#include "engine/registry/content_type.h"
#include "engine/registry/version.h"

namespace gauntlet {

class RecordLayer {
 public:
  RecordLayer();

  void feed(ByteView bytes);
  size_t buffered() const { return in_.size() - in_pos_; }

  // The next record, opened; nullopt until a whole record has arrived.
  Result<std::optional<OpenedRecord>> read();

  // The unread bytes start with an SSL 2.0 record holding a CLIENT-HELLO
  // (RFC 5246 E.2); a server asks this before its first read().
  bool ssl2_hello_ahead() const;
  // The unread bytes, and taking them (a connection that turns out to speak
  // SSL 2.0 reads them with its own record layer).
  ByteView unread() const { return ByteView(in_).subspan(in_pos_); }
  Bytes take_unread();
  // The body of that SSL 2.0 record; nullopt until it has arrived.
  Result<std::optional<Bytes>> read_ssl2_record();

  Status write(ContentType type, ByteView data);
  // One record of `data` sealed as `shape` says (the runner's records built
  // to order, engine/record/protection.h), after anything held; `version`
  // is its header's, which the MAC or AEAD additional data covers too.
  Status write_shaped(ContentType type, ByteView data, const SealShape& shape,
                      std::optional<ProtocolVersion> version = {});
  // Bytes that are already a record: the SSL 2.0 CLIENT-HELLO.
  void write_raw(ByteView record) { out_.insert(out_.end(), record.begin(), record.end()); }
  Bytes take_output();
  bool has_output() const { return !out_.empty() || !coalesced_.empty(); }

  // The runner's deviations (engine/connection/bugs.h) that act on records;
  // `bugs` must outlive the layer.
  void set_bugs(const Bugs* bugs) { bugs_ = bugs; }
  void arm_tamper(RecordTamper t);
  // An armed tamper whose record has not been written yet.
  bool tamper_armed() const { return tamper_.has_value(); }

  void set_read_protection(std::unique_ptr<RecordProtection> p) {
    read_ = std::move(p);
    read_protected_ = true;
    ++read_keys_;
  }
  // How many times the read keys have changed: a message after which they
  // did must end its record (RFC 8446 §5.1).
  uint64_t read_keys() const { return read_keys_; }
  // Handshake bytes held for coalescing go out first, under the old keys:
  // a key change falls on a record boundary (RFC 8446 §5.1).
  Status set_write_protection(std::unique_ptr<RecordProtection> p) {
    if (auto st = flush_coalesced(); !st) return st;
    write_ = std::move(p);
    return ok_status();
  }
  // TLS 1.3: the write key has sealed `records` records, or nears its
  // AEAD's limit (RFC 8446 §5.5): time for a KeyUpdate.
  bool write_key_spent(std::optional<uint64_t> records) const {
    return write_->key_update_due() || (records && write_->next_sequence() >= *records);
  }

  // TLS 1.3 0-RTT data a server does not take (RFC 8446 §4.2.10) is
  // dropped, up to `budget` record bytes in all, past which it is
  // unexpected_message (§4.6.1). Refused in a 1-RTT answer: application_data
  // records that do not open, until one does. After a HelloRetryRequest:
  // application_data records, which are in the clear to us, until a
  // handshake record (the second ClientHello).
  enum class EarlySkip { undecryptable, application_data };
  void skip_early_data(EarlySkip how, size_t budget) { skip_ = Skip{how, budget}; }

  // TLS 1.3 (RFC 8446 §5): a ChangeCipherSpec record stays in the clear
  // under any keys, and one that arrives encrypted is unexpected_message.
  void set_tls13() { tls13_ = true; }
  bool tls13() const { return tls13_; }

  // Until set, records of any 3.x version are read; then only this one
  // (RFC 5246 E.1), except cleartext alerts: a peer that failed to
  // negotiate cannot know the version. Written records carry write_version.
  void set_version(ProtocolVersion v) { version_ = v; write_version_ = v; }
  void set_write_version(ProtocolVersion v) { write_version_ = v; }

  // RFC 6066 §4 / RFC 8449: the largest plaintext each way.
  void set_max_send_fragment(size_t n) { max_send_ = n; }
  void set_max_receive_plaintext(size_t n) { max_receive_ = n; }

 private:
  void compact();
  Status seal_and_append(ContentType type, ByteView data);
  Status flush_coalesced();
  // `opens`: the handshake message this record's plaintext starts with.
  void tamper(ContentType type, std::optional<uint8_t> opens, Bytes& record);

  Bytes in_;
  size_t in_pos_ = 0;
  Bytes out_;
  std::unique_ptr<RecordProtection> read_, write_;
  bool read_protected_ = false;
  bool peer_protected_ = false;  // a protected record has been read
  uint64_t read_keys_ = 0;
  bool tls13_ = false;
  std::optional<ProtocolVersion> version_;
  struct Skip {
    EarlySkip how;
    size_t budget;
  };
  std::optional<Skip> skip_;
  // Charges a skipped record of `size` bytes to skip_'s budget.
  Status skip_record(size_t size);
  ProtocolVersion write_version_ = ProtocolVersion::tls10;
  size_t max_send_ = kMaxPlaintext;
  size_t max_receive_ = kMaxPlaintext;
  const Bugs* bugs_ = nullptr;
  Bytes coalesced_;  // handshake messages held to share one record
  std::optional<RecordTamper> tamper_;
  int tamper_seen_ = 0;
};

}  // namespace gauntlet
