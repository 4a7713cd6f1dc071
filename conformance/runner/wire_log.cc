#include "conformance/runner/wire_log.h"

#include <algorithm>

#include "engine/base/alert.h"
#include "engine/messages/decode/field.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/record/ssl2_record.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/content_type.h"
#include "engine/registry/extension_type.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet::conformance {
namespace {

// An SSL 2.0 record (SSL 2.0 spec §1.1): only a direction's first record,
// CLIENT-HELLO or SERVER-HELLO, and the CLIENT-MASTER-KEY right behind a
// CLIENT-HELLO are surely clear; after a SESSION-ID-HIT the client's second
// record is already encrypted, so later ones are named by size alone.
std::string ssl2_item(ByteView body, int index) {
  std::string item = "SSLv2 " + std::to_string(body.size());
  uint8_t type = 0;
  if (!Reader(body).peek_u8(type)) return item;
  const auto known = known_ssl2_message_type(type);
  const bool clear = index == 0 || (index == 1 && known == Ssl2MessageType::client_master_key);
  return clear && known ? item + " (" + iana_name(*known) + ")" : item;
}

// A HelloRetryRequest (RFC 8446 §4.1.4) field by field as it went, for a
// retry written by hand (bugs `retry`) or a SUT's cookie; empty for any
// other message.
std::string retry_fields(Reader message) {
  uint8_t type = 0, compression = 0;
  uint16_t suite = 0;
  Reader body;
  ByteView version, random;
  Bytes session_id;
  if (!message.u8(type) || type != static_cast<uint8_t>(HandshakeType::server_hello) ||
      !message.prefixed24(body) || !body.bytes(2, version) || !body.bytes(32, random) ||
      !std::ranges::equal(random, kHelloRetryRequestRandom)) {
    return {};
  }
  std::string out = "HelloRetryRequest";
  if (!body.vec8(session_id) || !body.u16(suite) || !body.u8(compression)) return out + ", cut short";
  out += ": legacy_version " + hex_string(version) + ", session_id " +
         (session_id.empty() ? "empty" : hex_string(session_id)) + ", " +
         iana_name(static_cast<CipherSuite>(suite)) + ", compression " + std::to_string(compression);
  if (body.empty()) return out + ", no extensions block";
  Reader block;
  if (!body.prefixed16(block)) return out + ", a malformed extensions block";
  out += ", extensions [";
  for (bool first = true; !block.empty(); first = false) {
    uint16_t ext = 0;
    Bytes ext_body;
    if (!block.u16(ext) || !block.vec16(ext_body)) return out + " malformed]";
    out += (first ? "" : ", ") + iana_name(static_cast<ExtensionType>(ext)) + " " +
           (ext_body.empty() ? "empty" : hex_string(ext_body));
  }
  return out + "]" + (body.empty() ? "" : ", bytes after the extensions");
}

// A record a TLS 1.3 compatibility ChangeCipherSpec (RFC 8446 D.4) left in
// the clear: a whole hello (the second ClientHello, the ServerHello after a
// HelloRetryRequest), or a two-byte alert, which no record protection
// yields.
bool clear_after_change_cipher_spec(ContentType ct, Reader body) {
  if (ct == ContentType::alert) return body.remaining() == 2;
  uint8_t type = 0;
  Reader message;
  return ct == ContentType::handshake && body.u8(type) &&
         (type == static_cast<uint8_t>(HandshakeType::client_hello) ||
          type == static_cast<uint8_t>(HandshakeType::server_hello)) &&
         body.prefixed24(message) && body.empty();
}

}  // namespace

std::string WireLog::describe(ByteView bytes) {
  pending_.insert(pending_.end(), bytes.begin(), bytes.end());
  std::string out;
  Reader r(pending_);
  for (;;) {
    uint8_t first = 0, second = 0;
    // A 2-byte SSL 2.0 header has its top bit set; no TLS content type does.
    if (r.peek_u8(first) && (first & 0x80) != 0) {
      Reader rec = r;
      auto record = read_ssl2_record(rec);
      if (!record.ok() || !record->has_value()) break;
      out += (out.empty() ? "" : ", ") + ssl2_item((*record)->body, ssl2_records_++);
      r = rec;
      continue;
    }
    Reader rec = r;
    uint8_t type = 0;
    uint16_t version = 0;
    Reader body;
    if (!rec.u8(type) || !rec.u16(version) || !rec.prefixed16(body)) break;
    r = rec;
    const auto ct = static_cast<ContentType>(type);
    std::string item = iana_name(ct) + " " + std::to_string(body.remaining());
    if (encrypted_ && !clear_after_change_cipher_spec(ct, body)) {
      item += " (encrypted)";
    } else if (const std::string retry = retry_fields(body); !retry.empty()) {
      item += " (" + retry + ")";
      ++hello_retry_requests_;
    } else if (ct == ContentType::handshake && body.peek_u8(first)) {
      item += " (" + iana_name(static_cast<HandshakeType>(first)) + ")";
    } else if (ct == ContentType::alert && body.remaining() == 2 && body.u8(first) &&
               body.u8(second)) {
      item += std::string(first == 2 ? " (fatal " : " (warning ") +
              iana_name(static_cast<AlertDescription>(second)) + ")";
    }
    if (ct == ContentType::change_cipher_spec) encrypted_ = true;
    out += (out.empty() ? "" : ", ") + item;
  }
  pending_.erase(pending_.begin(), pending_.end() - static_cast<std::ptrdiff_t>(r.remaining()));
  if (!pending_.empty()) out += (out.empty() ? "" : ", ") + std::string("partial record");
  return out.empty() ? std::to_string(bytes.size()) + " bytes" : out;
}

}  // namespace gauntlet::conformance
