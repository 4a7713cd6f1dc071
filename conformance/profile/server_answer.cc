#include "conformance/profile/server_answer.h"

#include <algorithm>

#include "engine/messages/decode/field.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {

std::optional<Answer> AnswerReader::add(ByteView bytes) {
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
  if (!started_) {
    if (buffer_.empty()) return std::nullopt;
    started_ = true;
    ssl2_ = (buffer_[0] & 0x80) != 0;  // a two-byte SSL 2.0 header
    if (!ssl2_ && (buffer_[0] < 20 || buffer_[0] > 24)) return NotTls{first_bytes()};
  }
  return ssl2_ ? read_ssl2() : read_tls();
}

Answer AnswerReader::end(Answer otherwise) const {
  if (flight_) return *flight_;
  return otherwise;
}

Bytes AnswerReader::first_bytes() const {
  return Bytes(buffer_.begin(), buffer_.begin() + static_cast<long>(std::min<size_t>(buffer_.size(), 16)));
}

std::optional<Answer> AnswerReader::so_far() {
  if (flight_) return *flight_;
  return NotTls{first_bytes()};
}

std::optional<Answer> AnswerReader::unexpected(const Error& e) const {
  if (flight_) return *flight_;
  return Unexpected{e.reason};
}

std::optional<Answer> AnswerReader::read_ssl2() {
  auto summary = summarize_ssl2_reply(buffer_);
  if (!summary) return NotTls{first_bytes()};
  if (!*summary) return std::nullopt;
  if ((*summary)->answer == Ssl2ProbeAnswer::error_message) {
    return Ssl2Refused{static_cast<uint16_t>(*(*summary)->error)};
  }
  return Ssl2Hello{**summary};
}

std::optional<Answer> AnswerReader::read_tls() {
  Reader in(ByteView(buffer_).subspan(consumed_));
  for (;;) {
    auto record = read_record_view(in);
    if (!record) return so_far();
    if (!*record) return std::nullopt;
    consumed_ = buffer_.size() - in.remaining();
    const RecordView& r = **record;
    if (r.type == ContentType::alert && !flight_) {
      auto alert = AlertMessage::parse(r.fragment.first(std::min<size_t>(2, r.fragment.size())));
      if (!alert) return Unexpected{"a malformed alert: " + alert.error().reason};
      return Refused{*alert};
    }
    // Anything but handshake records ends the first flight.
    if (r.type != ContentType::handshake) {
      if (flight_) return *flight_;
      return Unexpected{"a " + iana_name(r.type) + " record first"};
    }
    if (auto st = reassembler_.add(r.fragment); !st) return unexpected(st.error());
    for (;;) {
      auto message = reassembler_.next();
      if (!message) return unexpected(message.error());
      if (!*message) break;
      if (auto done = take(**message)) return done;
    }
  }
}

// One handshake message of the flight; the Answer once the flight ends.
std::optional<Answer> AnswerReader::take(const HandshakeMessage& m) {
  if (!flight_) {
    if (m.type != HandshakeType::server_hello) return Unexpected{iana_name(m.type) + " first"};
    auto hello = ServerHello::parse(m.body);
    if (!hello) return Unexpected{"a malformed ServerHello: " + hello.error().reason};
    flight_ = FirstFlight{std::move(*hello), {}};
    // TLS 1.3 encrypts the rest; a HelloRetryRequest waits for our answer.
    if (flight_->version() == ProtocolVersion::tls13 || flight_->hello.is_hello_retry_request()) {
      return *flight_;
    }
    return std::nullopt;
  }
  flight_->after_hello.push_back(m);
  if (m.type == HandshakeType::server_hello_done || m.type == HandshakeType::finished) return *flight_;
  return std::nullopt;
}

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
    if (!got && net::is_timeout(got.error())) return reader.end(Silent{});
    if (!got) return reader.end(Closed{});
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
    std::string operator()(const Silent&) const { return "no answer before the timeout"; }
    std::string operator()(const Unexpected& u) const { return "TLS, but " + u.what; }
    std::string operator()(const NotTls& n) const { return "not TLS: " + hex_string(n.first_bytes); }
  } visitor;
  return std::visit(visitor, a);
}

}  // namespace gauntlet::conformance
