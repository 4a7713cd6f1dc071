#include "cli/serve/serve_session.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/peer_options.h"

namespace gauntlet::cli {

namespace {

std::string http_response(std::string_view status, const std::string& body) {
  return "HTTP/1.0 " + std::string(status) + "\r\nContent-Type: text/plain\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

bool has_blank_line(const std::string& s) {
  return s.find("\r\n\r\n") != std::string::npos || s.find("\n\n") != std::string::npos;
}

}  // namespace

ServeSession::ServeSession(net::Fd fd, std::string peer, std::shared_ptr<const Config> config,
                           const SessionPolicy& policy, Clock::time_point now)
    : fd_(std::move(fd)),
      peer_(std::move(peer)),
      policy_(policy),
      conn_(Connection::server(std::move(config))),
      start_(now),
      last_read_(now) {}

void ServeSession::log(const std::string& line) const {
  if (policy_.log) policy_.log(peer_ + " " + line);
}

Clock::time_point ServeSession::deadline() const {
  const Clock::time_point whole = start_ + policy_.timeout;
  const Clock::time_point step = conn_.handshake_done() ? last_read_ + policy_.idle_timeout
                                                        : start_ + policy_.handshake_timeout;
  return std::min(whole, step);
}

bool ServeSession::wants_read() const {
  return !closing_ && !finished_ && out_.size() - sent_ < policy_.max_pending_output;
}

void ServeSession::on_readable(Clock::time_point now) {
  uint8_t buf[1 << 16];
  const ssize_t n = recv(fd_.get(), buf, sizeof buf, 0);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
    return end("socket error: " + std::string(std::strerror(errno)));
  }
  if (n == 0) {
    // The peer is gone: what it sent last (an alert, close_notify) is in.
    if (!conn_.handshake_done()) {
      return end("closed TCP during the handshake (at " + conn_.progress() + ")");
    }
    return end("");
  }
  last_read_ = now;
  const bool was_done = conn_.handshake_done();
  (void)conn_.receive(ByteView(buf, static_cast<size_t>(n)));
  if (!was_done && conn_.handshake_done() && !handshake_logged_) {
    handshake_logged_ = true;
    log(summary(conn_.negotiated()));
  }
  // Application data that came with the client's last handshake message (a
  // resumed client sends its request right after Finished) is answered now,
  // not at the next socket read, which may never come.
  answer_data();
  take_output();
  if (conn_.state() == ConnectionState::closed) {
    if (!conn_.handshake_done() && conn_.error()) {
      log("handshake failed: " + conn_.error()->to_string() + " (at " + conn_.progress() + ")");
      handshake_logged_ = true;  // said once
    }
    end_when_flushed();
  }
  if (wants_write()) on_writable();
}

void ServeSession::answer_data() {
  while (conn_.state() == ConnectionState::established && !closing_) {
    const Bytes in = conn_.read();
    if (in.empty()) return;
    if (policy_.www) {
      answer_request(std::string_view(reinterpret_cast<const char*>(in.data()), in.size()));
    } else {
      (void)conn_.write(in);
    }
    // Records the connection left unopened while `in` was unread.
    (void)conn_.receive({});
  }
}

void ServeSession::answer_request(std::string_view bytes) {
  request_.append(bytes);
  if (has_blank_line(request_)) {
    respond_and_close(http_response("200 OK", "gauntlet serve\n" + details(conn_.negotiated())));
  } else if (request_.size() > policy_.max_request) {
    // RFC 6585 §5; the head is not read further, so memory stays bounded.
    log("request head over " + std::to_string(policy_.max_request) + " bytes: 431");
    respond_and_close(http_response("431 Request Header Fields Too Large",
                                    "request head too large\n"));
  }
}

void ServeSession::respond_and_close(const std::string& response) {
  (void)conn_.write(ByteView(reinterpret_cast<const uint8_t*>(response.data()), response.size()));
  // HTTP/1.0 without keep-alive: the answer ends the connection, whatever
  // the client does next (renegotiate, stay silent).
  conn_.close();
  take_output();
  closing_ = true;
  request_.clear();
  end_when_flushed();
}

void ServeSession::take_output() {
  if (!conn_.has_output()) return;
  if (sent_ == out_.size()) {
    out_.clear();
    sent_ = 0;
  }
  const Bytes more = conn_.take_output();
  out_.insert(out_.end(), more.begin(), more.end());
}

void ServeSession::on_writable() {
  while (sent_ < out_.size()) {
    const ssize_t n = send(fd_.get(), out_.data() + sent_, out_.size() - sent_, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return;
      if (errno == EINTR) continue;
      return end("socket error: " + std::string(std::strerror(errno)));
    }
    sent_ += static_cast<size_t>(n);
  }
  if (closing_) end("");
}

void ServeSession::end_when_flushed() {
  closing_ = true;
  if (!wants_write()) end("");
}

void ServeSession::expire(Clock::time_point now) {
  if (finished_) return;
  const bool whole = now >= start_ + policy_.timeout;
  if (!conn_.handshake_done()) {
    end((whole ? "connection timeout" : "handshake timeout") + std::string(" (at ") +
        conn_.progress() + ")");
  } else {
    stop();
    end(whole ? "connection timeout" : "idle timeout");
  }
}

void ServeSession::stop() {
  if (finished_) return;
  if (conn_.state() == ConnectionState::established) {
    conn_.close();
    take_output();
  }
  // One try, never a wait: a client that does not read loses the alert.
  if (wants_write()) {
    (void)send(fd_.get(), out_.data() + sent_, out_.size() - sent_, MSG_NOSIGNAL | MSG_DONTWAIT);
  }
  end("");
}

void ServeSession::end(const std::string& why) {
  if (finished_) return;
  finished_ = true;
  closing_ = true;
  if (!why.empty()) {
    log(why);
  } else if (conn_.error() && conn_.error()->alert != AlertDescription::close_notify &&
             handshake_logged_ && conn_.handshake_done()) {
    log("ended: " + conn_.error()->to_string());
  }
  fd_ = net::Fd();
}

}  // namespace gauntlet::cli
