// One client of `gauntlet serve`: a sans-IO server Connection over a
// non-blocking socket. The event loop calls on_readable/on_writable when
// the socket is ready and expire() at deadline(); the session echoes
// application data, or under --www answers one request with a status page,
// and says when it is finished.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "engine/connection/connection.h"
#include "transport/socket.h"

namespace gauntlet::cli {

using net::Clock;

struct SessionPolicy {
  std::chrono::milliseconds handshake_timeout{10'000};
  std::chrono::milliseconds idle_timeout{30'000};
  std::chrono::milliseconds timeout{300'000};
  bool www = false;
  // An HTTP request head larger than this is answered 431 (RFC 6585 §5).
  size_t max_request = 8 * 1024;
  // Output queued for a client that does not read: past this, its socket is
  // not read either, so an echo client cannot make us buffer without bound.
  size_t max_pending_output = 256 * 1024;
  std::function<void(const std::string&)> log;
};

class ServeSession {
 public:
  ServeSession(net::Fd fd, std::string peer, std::shared_ptr<const Config> config,
               const SessionPolicy& policy, Clock::time_point now);

  int fd() const { return fd_.get(); }
  void on_readable(Clock::time_point now);
  void on_writable();
  // The earliest deadline: handshake, idle or whole connection.
  Clock::time_point deadline() const;
  // Called at or after deadline(): says which one passed and ends.
  void expire(Clock::time_point now);
  // The server is stopping: close_notify if it can go at once, then end.
  void stop();

  bool wants_read() const;
  bool wants_write() const { return sent_ < out_.size(); }
  bool finished() const { return finished_; }

 private:
  void take_output();
  // Application data the connection holds: echoed, or the --www request.
  void answer_data();
  void answer_request(std::string_view request_bytes);
  void respond_and_close(const std::string& response);
  // Ends once the queued output is sent (or at once when nothing is queued).
  void end_when_flushed();
  void end(const std::string& why);
  void log(const std::string& line) const;

  net::Fd fd_;
  std::string peer_;
  const SessionPolicy& policy_;
  Connection conn_;
  Clock::time_point start_, last_read_;
  bool handshake_logged_ = false;
  bool closing_ = false;   // nothing more is read; ends once flushed
  bool finished_ = false;
  std::string request_;    // --www: the request head so far
  Bytes out_;
  size_t sent_ = 0;
};

}  // namespace gauntlet::cli
