#include "conformance/profile/server_answer.h"

#include <algorithm>

#include "engine/messages/decode/field.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/ssl2/short_messages.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {
namespace {

// Reads the answer from `buffer`: an Answer once decided, nullopt while
// more bytes could change it.
class AnswerReader {
 public:
  std::optional<Answer> add(ByteView bytes) {
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    if (!flight_ && !started_) {
      if (buffer_.empty()) return std::nullopt;
      started_ = true;
      if (buffer_[0] & 0x80) ssl2_ = true;
      else if (buffer_[0] < 20 || buffer_[0] > 24) return NotTls{first_bytes()};
    }
    return ssl2_ ? read_ssl2() : read_tls();
  }

  // The connection ended (or fell silent): what we have is the answer.
  Answer end(Answer otherwise) const {
    if (flight_) return *flight_;
    if (!buffer_.empty() && !ssl2_ && (buffer_[0] < 20 || buffer_[0] > 24)) return NotTls{first_bytes()};
    return otherwise;
  }

 private:
  Bytes first_bytes() const { return Bytes(buffer_.begin(), buffer_.begin() + std::min<size_t>(buffer_.size(), 16)); }

  std::optional<Answer> read_ssl2() {
    auto header = read_ssl2_header(buffer_);
    if (!header) return NotTls{first_bytes()};
    if (!*header || buffer_.size() < (*header)->header_size + (*header)->length) return std::nullopt;
    const ByteView body(buffer_.data() + (*header)->header_size, (*header)->length - (*header)->padding);
    if (!body.empty() && body[0] == static_cast<uint8_t>(Ssl2MessageType::error)) {
      auto error = gauntlet::Ssl2Error::parse(body);
      if (error) return Ssl2Refused{static_cast<uint16_t>(error->code)};
    }
    auto hello = Ssl2ServerHello::parse(body);
    if (!hello) return NotTls{first_bytes()};
    return Ssl2Hello{std::move(*hello)};
  }

  std::optional<Answer> read_tls() {
    Reader in(ByteView(buffer_).subspan(consumed_));
    for (;;) {
      auto record = read_record_view(in);
      if (!record) return flight_ ? std::optional<Answer>(*flight_) : NotTls{first_bytes()};
      if (!*record) return std::nullopt;
      consumed_ = buffer_.size() - in.remaining();
      const RecordView& r = **record;
      if (r.type == ContentType::alert) {
        if (flight_) return *flight_;
        auto alert = AlertMessage::parse(r.fragment);
        if (!alert) return NotTls{first_bytes()};
        return Refused{*alert};
      }
      if (r.type != ContentType::handshake) return flight_ ? std::optional<Answer>(*flight_) : NotTls{first_bytes()};
      if (!reassembler_.add(r.fragment)) return flight_ ? std::optional<Answer>(*flight_) : NotTls{first_bytes()};
      for (;;) {
        auto message = reassembler_.next();
        if (!message) return flight_ ? std::optional<Answer>(*flight_) : NotTls{first_bytes()};
        if (!*message) break;
        if (auto done = take(**message)) return done;
      }
    }
  }

  // One handshake message of the flight; the Answer once the flight ends.
  std::optional<Answer> take(const HandshakeMessage& m) {
    if (!flight_) {
      if (m.type != HandshakeType::server_hello) return NotTls{first_bytes()};
      auto hello = ServerHello::parse(m.body);
      if (!hello) return NotTls{first_bytes()};
      flight_ = FirstFlight{std::move(*hello), {}};
      if (flight_->version() == ProtocolVersion::tls13 || flight_->hello.is_hello_retry_request()) {
        return *flight_;
      }
      return std::nullopt;
    }
    flight_->after_hello.push_back(m);
    if (m.type == HandshakeType::server_hello_done || m.type == HandshakeType::finished) return *flight_;
    return std::nullopt;
  }

  Bytes buffer_;
  size_t consumed_ = 0;
  bool started_ = false, ssl2_ = false;
  HandshakeReassembler reassembler_;
  std::optional<FirstFlight> flight_;
};

}  // namespace

ProtocolVersion FirstFlight::version() const {
  if (hello.extensions) {
    if (const auto* v = hello.extensions->get<SelectedVersion>()) return v->version;
  }
  return hello.legacy_version;
}

const HandshakeMessage* FirstFlight::find(HandshakeType t) const {
  auto it = std::ranges::find(after_hello, t, &HandshakeMessage::type);
  return it == after_hello.end() ? nullptr : &*it;
}

Result<Answer> ask(const Endpoint& server, ByteView hello_record, net::Deadline deadline) {
  auto fd = net::connect_tcp(server.host, server.port, deadline);
  if (!fd) return fd.error();
  AnswerReader reader;
  if (auto sent = net::send_all(*fd, hello_record, deadline); !sent) {
    return reader.end(Closed{});  // reset before it read our hello
  }
  for (;;) {
    auto got = net::receive_some(*fd, deadline);
    if (!got) return reader.end(net::is_timeout(got.error()) ? Answer(Silent{}) : Answer(Closed{}));
    if (got->empty()) return reader.end(Closed{});
    if (auto answer = reader.add(*got)) return *answer;
  }
}

std::string describe(const Answer& a) {
  struct {
    std::string operator()(const FirstFlight& f) const {
      return f.hello.is_hello_retry_request() ? "HelloRetryRequest" : iana_name(f.version());
    }
    std::string operator()(const Ssl2Hello&) const { return "SSL 2.0 SERVER-HELLO"; }
    std::string operator()(const Ssl2Refused& e) const {
      return "SSL 2.0 ERROR " + std::to_string(e.code);
    }
    std::string operator()(const Refused& r) const {
      return iana_name(r.alert.level) + " alert " + iana_name(r.alert.description);
    }
    std::string operator()(const Closed&) const { return "closed"; }
    std::string operator()(const Silent&) const { return "no answer"; }
    std::string operator()(const NotTls& n) const { return "not TLS: " + hex_string(n.first_bytes); }
  } visitor;
  return std::visit(visitor, a);
}

}  // namespace gauntlet::conformance
