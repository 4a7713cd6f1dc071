#include "fuzz/stateful/fuzzer_framing.h"

#include <memory>
#include <sstream>

#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/key_schedule/keylog.h"
#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/record/protection_tls13.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/version.h"

namespace gauntlet::fuzzing {

namespace {

bool in_the_clear(ContentType type, ByteView body) {
  return type == ContentType::change_cipher_spec ||
         (type == ContentType::handshake && !body.empty() &&
          (body[0] == static_cast<uint8_t>(HandshakeType::client_hello) ||
           body[0] == static_cast<uint8_t>(HandshakeType::server_hello)));
}

// One direction's keys as they change (§7.2, §7.3).
class PeerKeys {
 public:
  PeerKeys(const CipherSuiteInfo& suite, PeerSecrets secrets)
      : suite_(suite), secrets_(std::move(secrets)) {}

  Result<OpenedRecord> open(ByteView fragment) {
    if (!protection_) {
      if (auto st = use(secrets_.handshake); !st) return st.error();
    }
    return protection_->open(ContentType::application_data, ProtocolVersion::tls12, fragment);
  }
  // What the peer's handshake messages in one opened record change for the
  // next: its Finished ends the handshake keys, a KeyUpdate its current ones.
  Status after(ByteView handshake) {
    buffer_.insert(buffer_.end(), handshake.begin(), handshake.end());
    std::optional<HandshakeType> last;
    Reader r(buffer_);
    uint8_t type = 0;
    Bytes body;
    size_t used = 0;
    while (r.u8(type) && r.vec24(body)) {
      last = static_cast<HandshakeType>(type);
      used = buffer_.size() - r.remaining();
      if (*last == HandshakeType::finished && !application_) {
        application_ = true;
        if (auto st = use(secrets_.application); !st) return st;
      } else if (*last == HandshakeType::key_update && application_) {
        if (auto st = use(next_application_traffic_secret(suite_.prf_hash, current_)); !st) {
          return st;
        }
      }
    }
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(used));
    return ok_status();
  }

 private:
  Status use(ByteView secret) {
    current_.assign(secret.begin(), secret.end());
    const TrafficKeys keys = traffic_keys(suite_.prf_hash, suite_.cipher, current_);
    auto p = make_tls13_protection(suite_.cipher, keys.key, keys.iv);
    if (!p) return p.error();
    protection_ = std::move(p).value();
    return ok_status();
  }

  const CipherSuiteInfo& suite_;
  PeerSecrets secrets_;
  Bytes current_, buffer_;
  bool application_ = false;
  std::unique_ptr<Tls13Protection> protection_;
};

// The secret of a key log line "LABEL <client random> <secret>".
std::optional<Bytes> logged(const std::vector<std::string>& keylog, Tls13Secret which) {
  for (const std::string& line : keylog) {
    std::istringstream fields(line);
    std::string label, random, hex;
    if (!(fields >> label >> random >> hex) || label != keylog_label(which)) continue;
    Bytes secret;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      secret.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return secret;
  }
  return std::nullopt;
}

}  // namespace

void append_fuzzer_record(Bytes& stream, ContentType type, ByteView body) {
  Bytes fragment(body.begin(), body.end());
  ContentType outer = type;
  if (!in_the_clear(type, body)) {
    fragment.push_back(static_cast<uint8_t>(type));
    outer = ContentType::application_data;
  }
  Writer w;
  w.u8(static_cast<uint8_t>(outer));
  w.u16(static_cast<uint16_t>(ProtocolVersion::tls12));
  w.u16(static_cast<uint16_t>(fragment.size()));
  w.bytes(fragment);
  const Bytes record = w.take();
  stream.insert(stream.end(), record.begin(), record.end());
}

std::optional<PeerSecrets> peer_secrets(const std::vector<std::string>& keylog,
                                        bool peer_is_server) {
  auto handshake = logged(keylog, peer_is_server ? Tls13Secret::server_handshake_traffic
                                                 : Tls13Secret::client_handshake_traffic);
  auto application = logged(keylog, peer_is_server ? Tls13Secret::server_application_traffic_0
                                                   : Tls13Secret::client_application_traffic_0);
  if (!handshake || !application) return std::nullopt;
  return PeerSecrets{std::move(*handshake), std::move(*application)};
}

std::optional<Bytes> unprotect_peer_stream(ByteView wire, const CipherSuiteInfo& suite,
                                           const PeerSecrets& secrets) {
  PeerKeys keys(suite, secrets);
  Bytes stream;
  Reader r(wire);
  uint8_t type = 0;
  uint16_t version = 0;
  Bytes fragment;
  for (ByteView record = r.rest(); r.u8(type) && r.u16(version) && r.vec16(fragment);
       record = r.rest()) {
    // §5.2: every protected record says application_data; what else comes
    // (hellos, ChangeCipherSpec, an alert before the keys) is in the clear,
    // and stays as it came.
    if (static_cast<ContentType>(type) != ContentType::application_data) {
      const ByteView whole = record.first(record.size() - r.remaining());
      stream.insert(stream.end(), whole.begin(), whole.end());
      continue;
    }
    auto opened = keys.open(fragment);
    if (!opened) return std::nullopt;
    append_fuzzer_record(stream, opened->type, opened->plaintext);
    if (opened->type == ContentType::handshake && !keys.after(opened->plaintext)) {
      return std::nullopt;
    }
  }
  if (!r.empty()) return std::nullopt;
  return stream;
}

namespace {

// One record's fragment: in the clear, its content; under application_data
// a TLSInnerPlaintext, content || type || zeros (§5.2). Edits the first
// message of `type` if the record's content is whole handshake messages.
bool edit_record(uint8_t outer, Bytes& fragment, HandshakeType type, const MessageEdit& edit) {
  size_t end = fragment.size();
  uint8_t inner = outer;
  if (outer == static_cast<uint8_t>(ContentType::application_data)) {
    while (end > 0 && fragment[end - 1] == 0) --end;
    if (end == 0) return false;
    inner = fragment[--end];
  }
  if (inner != static_cast<uint8_t>(ContentType::handshake)) return false;
  Reader r(ByteView(fragment).first(end));
  Writer content;
  bool edited = false;
  uint8_t message_type = 0;
  Bytes body;
  while (r.u8(message_type) && r.vec24(body)) {
    if (!edited && message_type == static_cast<uint8_t>(type)) {
      edit(body);
      edited = true;
    }
    content.u8(message_type);
    content.vec24(body);
  }
  if (!edited || !r.empty()) return false;
  content.bytes(ByteView(fragment).subspan(end));
  fragment = content.take();
  return true;
}

}  // namespace

std::optional<Bytes> edit_fuzzer_message(ByteView stream, HandshakeType type,
                                         const MessageEdit& edit) {
  Reader r(stream);
  Writer out;
  bool edited = false;
  uint8_t outer = 0;
  uint16_t version = 0;
  Bytes fragment;
  while (r.u8(outer) && r.u16(version) && r.vec16(fragment)) {
    if (!edited) edited = edit_record(outer, fragment, type, edit);
    out.u8(outer);
    out.u16(version);
    out.vec16(fragment);
  }
  if (!edited || !r.empty()) return std::nullopt;
  return out.take();
}

}  // namespace gauntlet::fuzzing
