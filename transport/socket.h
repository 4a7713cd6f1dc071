// TCP sockets for the command-line peers and the conformance runner: RAII
// descriptors, and every wait bounded by a deadline, so a silent peer is a
// timeout error, never a hang.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "engine/base/error.h"
#include "engine/base/reader.h"

namespace gauntlet::net {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

inline Deadline deadline_in(std::chrono::milliseconds d) { return Clock::now() + d; }

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  Fd& operator=(Fd&& o) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release();

 private:
  int fd_ = -1;
};

// Errors carry internal_error with the system's reason.
Result<Fd> listen_tcp(const std::string& host, uint16_t port, int backlog = 64);
// The port a listening socket is bound to (after port 0).
Result<uint16_t> local_port(const Fd& fd);
// nullopt-like: an invalid Fd when the deadline passes first.
Result<Fd> accept_until(const Fd& listener, Deadline deadline, std::string* peer = nullptr);
Result<Fd> connect_tcp(const std::string& host, uint16_t port, Deadline deadline);

// Splits "host:port" (IPv6 in brackets); decode_error when malformed.
Result<std::pair<std::string, uint16_t>> split_host_port(const std::string& s);

// Writes everything or fails.
Status send_all(const Fd& fd, ByteView bytes, Deadline deadline);
// What has arrived, at most `max` bytes; empty when the peer closed. A timeout
// is an Error whose reason starts with "timeout", also once the deadline has
// passed while bytes keep arriving: a peer that floods cannot hold a caller
// past it.
Result<Bytes> receive_some(const Fd& fd, Deadline deadline, size_t max = 1 << 16);

bool is_timeout(const Error& e);

// Makes every wait in this process, now and later, end at once with a
// "cancelled" Error: how a signal handler stops a run that is waiting on
// peers (it only stores to an atomic, so it is async-signal-safe).
void cancel_waits();
bool waits_cancelled();
bool is_cancelled(const Error& e);

}  // namespace gauntlet::net
