#include "engine/messages/decode/decoder.h"

#include <string>

#include "engine/messages/decode/message_fields.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

class CaptureDecoder {
 public:
  explicit CaptureDecoder(bool decrypted) : decrypted_(decrypted) {}

  std::vector<Field> run(ByteView stream) {
    Reader in(stream);
    if (looks_like_ssl2_client_hello(stream)) decode_ssl2_hello(in);
    while (!in.empty()) {
      const size_t offset = stream.size() - in.remaining();
      auto record = read_record(in);
      Field f{"record", {}, {}, {}, offset};
      if (!record) {
        f.error = record.error().to_string();
        out_.push_back(std::move(f));
        return std::move(out_);
      }
      if (!record->has_value()) {
        f.error = "capture ends inside a record (" + std::to_string(in.remaining()) + " bytes left)";
        out_.push_back(std::move(f));
        return std::move(out_);
      }
      decode_record(**record, f);
      out_.push_back(std::move(f));
    }
    if (!reassembler_.at_boundary()) {
      out_.push_back(Field{"handshake", {}, {}, "capture ends inside a handshake message", {}});
    }
    return std::move(out_);
  }

 private:
  void decode_ssl2_hello(Reader& in) {
    Field f{"SSLv2 record", {}, {}, {}, size_t{0}};
    auto header = read_ssl2_header(in.rest());
    ByteView body;
    if (!header || !header->has_value() || !in.skip((*header)->header_size) ||
        !in.bytes((*header)->length, body)) {
      f.error = "truncated SSLv2 record";
      in = Reader();
      out_.push_back(std::move(f));
      return;
    }
    f.value = std::to_string(body.size()) + " bytes";
    auto hello = Ssl2ClientHello::parse(body);
    Field& m = f.add("CLIENT-HELLO (SSLv2-compatible, RFC 5246 E.2)");
    if (!hello) {
      m.error = hello.error().to_string();
    } else {
      m.add("version", iana_name(hello->version));
      Field& specs = m.add("cipher_specs", std::to_string(hello->cipher_specs.size()));
      for (Ssl2CipherKind k : hello->cipher_specs) {
        const auto wire = static_cast<uint32_t>(k);
        specs.add((wire >> 16) == 0 ? iana_name(static_cast<CipherSuite>(wire)) : iana_name(k));
      }
      m.add("session_id", hex_string(hello->session_id));
      m.add("challenge", hex_string(hello->challenge));
    }
    out_.push_back(std::move(f));
  }

  void decode_record(const Record& r, Field& f) {
    f.value = iana_name(r.type) + ", " + iana_name(r.version) + ", " +
              std::to_string(r.fragment.size()) + " bytes";
    context_.version = r.version;
    if (encrypted_ && r.type != ContentType::change_cipher_spec) {
      f.add("encrypted", hex_string(r.fragment));
      return;
    }
    switch (r.type) {
      case ContentType::change_cipher_spec: {
        auto ccs = ChangeCipherSpec::parse(r.fragment);
        if (!ccs) f.error = ccs.error().to_string();
        encrypted_ = !decrypted_;
        return;
      }
      case ContentType::alert: {
        auto alert = AlertMessage::parse(r.fragment);
        if (!alert) {
          f.error = alert.error().to_string();
          return;
        }
        f.add("level", iana_name(alert->level));
        f.add("description", iana_name(alert->description));
        return;
      }
      case ContentType::handshake:
        decode_handshake(r.fragment, f);
        return;
      default:
        f.add("data", hex_string(r.fragment));
        return;
    }
  }

  void decode_handshake(ByteView fragment, Field& f) {
    if (Status s = reassembler_.add(fragment); !s) {
      f.error = s.error().to_string();
      return;
    }
    for (;;) {
      auto message = reassembler_.next();
      if (!message) {
        f.error = message.error().to_string();
        return;
      }
      if (!message->has_value()) return;
      f.children.push_back(message_field(**message, context_));
    }
  }

  std::vector<Field> out_;
  HandshakeReassembler reassembler_;
  DecodeContext context_;
  bool decrypted_;
  bool encrypted_ = false;
};

}  // namespace

std::vector<Field> decode_capture(ByteView stream, bool decrypted) {
  return CaptureDecoder(decrypted).run(stream);
}

}  // namespace gauntlet
