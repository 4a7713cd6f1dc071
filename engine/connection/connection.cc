// Records in, records out: the part of Connection that is not the handshake.
// Handshake records and ChangeCipherSpec go to connection_handshake.cc;
// records, alerts, application data and SSL 2.0's channel stay here.
#include "engine/connection/connection.h"

#include "engine/connection/server_handshake.h"
#include "engine/connection/ssl2/ssl2_channel.h"
#include "engine/messages/handshake/record_bodies.h"

namespace gauntlet {

namespace {
// Set only for the fuzzing build of this library (see BUILD).
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
constexpr bool kFuzzingBuild = true;
#else
constexpr bool kFuzzingBuild = false;
#endif
}  // namespace

Connection::Connection(Role role, std::shared_ptr<const Config> config, ClientOptions options)
    : role_(role),
      config_(std::move(config)),
      fuzzer_mode_(config_->fuzzer_mode),
      options_(std::move(options)),
      reassembler_(config_->message_limits) {
  records_.set_bugs(&config_->bugs);
  if (config_->bugs.tamper) records_.arm_tamper(*config_->bugs.tamper);
  if (fuzzer_mode_ && !kFuzzingBuild) {
    fail(internal_error("fuzzer mode needs the fuzzing build of the engine"));
  }
}

Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Connection Connection::client(std::shared_ptr<const Config> config, ClientOptions options) {
  Connection c(Role::client, std::move(config), std::move(options));
  if (c.state_ == ConnectionState::closed) return c;
  // A range that starts at SSL 2.0 speaks it (engine/connection/ssl2/).
  if (c.config_->min_version == ProtocolVersion::ssl2) {
    c.ssl2_ = Ssl2Channel::client();
    Link l = c.link();
    if (auto st = c.ssl2_->start(l); !st) c.fail(st.error());
    return c;
  }
  if (auto st = c.start_client_handshake(); !st) c.fail(st.error());
  return c;
}

Connection Connection::server(std::shared_ptr<const Config> config) {
  Connection c(Role::server, std::move(config), {});
  c.hs_ = std::make_unique<ServerHandshake>();
  return c;
}

bool Connection::handshaking() const {
  return hs_ != nullptr || (ssl2_ && !ssl2_->handshake_done() && state_ != ConnectionState::closed);
}

bool Connection::sending_early_data() const { return hs_ && hs_->writing_early_data(); }

std::string Connection::progress() const {
  if (ssl2_ && state_ != ConnectionState::closed) return ssl2_->progress();
  if (!hs_) return state_ == ConnectionState::closed ? "closed" : "established";
  const auto row = hs_->last();
  if (!row) return "start";
  return wire_name(row->wire) + (row->sender == Role::client ? " from client" : " from server");
}

Status Connection::receive(ByteView bytes) {
  if (state_ == ConnectionState::closed) {
    return error_ ? Status(*error_) : Status(ok_status());
  }
  if (ssl2_) {
    Status st = receive_ssl2(bytes);
    if (!st) fail(st.error());
    return st;
  }
  records_.feed(bytes);
  Status st = start_ssl2_server() ? receive_ssl2(records_.take_unread()) : process_records();
  // Records left unopened because the application is not reading: one
  // partial record beyond the limit is the most a peer may make us hold.
  if (st && records_.buffered() > config_->max_buffered + kRecordHeaderSize + kMaxCiphertext) {
    st = internal_error("peer sent more than " + std::to_string(config_->max_buffered) +
                        " bytes the application has not read");
  }
  if (!st) fail(st.error());
  return st;
}

Status Connection::process_records() {
  // A server's first bytes may be an SSL 2.0 CLIENT-HELLO (RFC 5246 E.2);
  // three bytes tell, and any TLS record is longer.
  if (role_ == Role::server && !started_ && records_.buffered() >= 3) {
    if (records_.ssl2_hello_ahead()) {
      auto body = records_.read_ssl2_record();
      if (!body) return body.error();
      if (!body->has_value()) return ok_status();
      started_ = true;
      Link l = link();
      if (auto st = server_handshake()->on_ssl2_hello(l, **body); !st) return st;
    }
    started_ = true;
  }
  // Unread application data beyond the limit stops reading until read().
  while (state_ != ConnectionState::closed && app_in_.size() < config_->max_buffered) {
    auto record = records_.read();
    if (!record) return record.error();
    if (!record->has_value()) break;
    if (auto st = on_record(std::move(**record)); !st) return st;
  }
  return ok_status();
}

bool Connection::start_ssl2_server() {
  if (role_ != Role::server || started_ || config_->min_version != ProtocolVersion::ssl2) {
    return false;
  }
  // Header, msg-type CLIENT-HELLO, version 0x0002 (SSL 2.0 spec §2.5); an
  // SSLv2-compatible hello names a 3.x version and stays TLS (RFC 5246 E.2).
  const ByteView in = records_.unread();
  if (in.size() < 5 || !records_.ssl2_hello_ahead() || in[3] != 0x00 || in[4] != 0x02) return false;
  started_ = true;
  hs_.reset();
  ssl2_ = Ssl2Channel::server();
  return true;
}

Status Connection::receive_ssl2(ByteView bytes) {
  Link l = link();
  Status st = ssl2_->receive(l, bytes, app_in_);
  if (ssl2_->peer_alert()) {
    // The peer's ERROR, or a TLS alert in answer to our hello, ends the
    // connection as a fatal alert would.
    peer_alert_ = ssl2_->peer_alert();
    error_ = st.error();
    kept_.session.reset();
    state_ = ConnectionState::closed;
    return ok_status();
  }
  if (!st) return st;
  if (state_ == ConnectionState::handshaking && ssl2_->handshake_done()) {
    state_ = ConnectionState::established;
  }
  if (app_in_.size() > config_->max_buffered) {
    return internal_error("peer sent more than " + std::to_string(config_->max_buffered) +
                          " bytes the application has not read");
  }
  return ok_status();
}

Status Connection::on_record(OpenedRecord record) {
  // A change of content type must fall on a handshake message boundary
  // (RFC 5246 §6.2.1: messages of different types are not interleaved
  // within a fragment's message).
  if (record.type != ContentType::handshake && !reassembler_.at_boundary()) {
    return Error{AlertDescription::unexpected_message,
                 iana_name(record.type) + " record inside a fragmented handshake message"};
  }
  if (record.type != ContentType::alert && !alert_buffer_.empty()) {
    return Error{AlertDescription::unexpected_message, "record inside a fragmented alert"};
  }
  switch (record.type) {
    case ContentType::handshake:
      return on_handshake_record(record.plaintext);
    case ContentType::change_cipher_spec:
      return on_change_cipher_spec(record.plaintext);
    case ContentType::alert:
      return on_alert(record.plaintext);
    case ContentType::application_data:
      // A server taking 0-RTT data (RFC 8446 §4.2.10) reads it mid-handshake.
      if (hs_ && hs_->reading_early_data()) {
        if (auto st = hs_->count_early_data(record.plaintext.size()); !st) return st;
      } else if (!handshake_done() || (hs_ && hs_->peer_ccs_seen())) {
        return Error{AlertDescription::unexpected_message,
                     "application data before the handshake completed"};
      }
      if (app_in_.empty()) {
        app_in_ = std::move(record.plaintext);  // read() takes it as it is
      } else {
        app_in_.insert(app_in_.end(), record.plaintext.begin(), record.plaintext.end());
      }
      return ok_status();
    default:
      return Error{AlertDescription::unexpected_message,
                   iana_name(record.type) + " records are not supported"};
  }
}

Status Connection::on_alert(ByteView body) {
  // RFC 8446 §5.1: "a record with an Alert type MUST contain exactly one
  // message" (below TLS 1.3 alerts may be split or share a record).
  if (records_.tls13() && body.size() != 2) {
    return decode_error("a TLS 1.3 alert record of " + std::to_string(body.size()) +
                        " bytes, not one alert");
  }
  alert_buffer_.insert(alert_buffer_.end(), body.begin(), body.end());
  if (alert_buffer_.empty()) return decode_error("empty alert record");
  while (alert_buffer_.size() >= 2 && state_ != ConnectionState::closed) {
    auto alert = AlertMessage::parse(ByteView(alert_buffer_).first(2));
    alert_buffer_.erase(alert_buffer_.begin(), alert_buffer_.begin() + 2);
    if (!alert) return alert.error();
    const AlertDescription d = alert->description;
    // RFC 8446 §6: in TLS 1.3 every alert but the closure alerts is an
    // error alert "regardless of the AlertLevel in the message".
    const bool error_alert =
        alert->level == AlertLevel::fatal ||
        (records_.tls13() && d != AlertDescription::close_notify &&
         d != AlertDescription::user_canceled);
    if (error_alert) {
      peer_alert_ = d;
      error_ = Error{d, "peer sent fatal alert " + iana_name(d)};
      // RFC 5246 §7.2.2: upon receipt of a fatal alert both sides forget
      // the session; a client must not offer it again.
      if (kept_.session && role_ == Role::server && config_->session_cache) {
        config_->session_cache->remove(kept_.session->id);
      }
      kept_.session.reset();
      state_ = ConnectionState::closed;
      return ok_status();
    }
    if (d == AlertDescription::close_notify) {
      // RFC 5246 §7.2.1: answer with our own close_notify.
      peer_closed_ = true;
      close();
      state_ = ConnectionState::closed;
      return ok_status();
    }
    peer_warnings_.push_back(d);
    if (ServerHandshake* server = server_handshake();
        d == AlertDescription::no_certificate && server) {
      Link l = link();
      if (auto st = server->on_no_certificate_alert(l); !st) return st;
      continue;
    }
    if (d == AlertDescription::no_renegotiation && hs_ && handshake_done()) {
      // The peer declined the renegotiation we asked for: carry on under
      // the current keys (RFC 5746 §4.4 leaves this to the requester).
      hs_.reset();
      continue;
    }
    // Other warnings change nothing (RFC 5246 §7.2.2).
  }
  return ok_status();
}

Status Connection::write(ByteView data) {
  if (state_ != ConnectionState::established || sent_close_) {
    return internal_error("write on a connection that is not established");
  }
  Link l = link();
  // RFC 8446 §5.5: a TLS 1.3 key near its limit is replaced first.
  Status st = post13_ && !hs_ ? post13_->before_write(l) : Status(ok_status());
  if (st) {
    st = ssl2_ ? ssl2_->write(l, data) : records_.write(ContentType::application_data, data);
  }
  if (!st) fail(st.error());
  return st;
}

void Connection::close() {
  if (sent_close_ || (state_ == ConnectionState::closed && error_)) return;
  sent_close_ = true;
  // SSL 2.0 has no closure message: the connection just ends.
  if (ssl2_) {
    state_ = ConnectionState::closed;
    return;
  }
  (void)send_alert(AlertLevel::warning, AlertDescription::close_notify);
  if (peer_closed_) state_ = ConnectionState::closed;
}

Status Connection::send_alert(AlertLevel level, AlertDescription d) {
  return records_.write(ContentType::alert, AlertMessage{level, d}.serialize());
}

void Connection::fail(Error e) {
  if (state_ == ConnectionState::closed) return;
  if (ssl2_) {
    // SSL 2.0 sends the ERROR the spec names, if any (§2.7), else nothing.
    Link l = link();
    ssl2_->send_error(l, e.alert);
  } else if (e.alert != AlertDescription::close_notify && !sent_close_) {
    (void)send_alert(AlertLevel::fatal, e.alert);
  }
  // RFC 5246 §7.2.2: a fatal alert invalidates the session.
  if (kept_.session && role_ == Role::server && config_->session_cache) {
    config_->session_cache->remove(kept_.session->id);
  }
  kept_.session.reset();
  error_ = std::move(e);
  state_ = ConnectionState::closed;
}

}  // namespace gauntlet
