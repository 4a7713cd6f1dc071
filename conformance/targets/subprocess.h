// A child process for a case: started in its own process group, its stdout
// and stderr gathered, and killed with its group when the case is done, so
// no peer outlives the run.
#pragma once

#include <chrono>

#include <sys/types.h>

#include <string>
#include <vector>

#include "engine/base/error.h"
#include "transport/socket.h"

namespace gauntlet::conformance {

class Subprocess {
 public:
  // `input` is written to the child's stdin, which then stays open: a client
  // such as s_client would otherwise quit at end of input.
  static Result<Subprocess> spawn(const std::vector<std::string>& argv, const std::string& input = {});
  Subprocess(Subprocess&& o) noexcept;
  Subprocess& operator=(Subprocess&&) = delete;
  ~Subprocess();

  // Everything it printed so far.
  const std::string& output();
  // What it printed since the last call: a server kept between cases gives
  // each case its own lines.
  std::string take_output();
  // Until its output holds `needle`; false if it exits, the deadline passes
  // or the run is interrupted (net::cancel_waits).
  bool wait_for(const std::string& needle, net::Deadline deadline);
  bool running();
  // Until it exits of itself, gathering its output; false if the deadline
  // passes or the run is interrupted first.
  bool wait_exit(net::Deadline deadline);
  // SIGTERM to its group, then what it prints while it exits (a client
  // flushes its last lines then), for at most `grace`. The destructor's
  // SIGKILL follows for what is still running.
  void stop(std::chrono::milliseconds grace);

 private:
  Subprocess(pid_t pid, net::Fd out, net::Fd in) : pid_(pid), out_(std::move(out)), in_(std::move(in)) {}
  void drain(int timeout_ms);

  pid_t pid_ = -1;
  bool exited_ = false;  // reaped by running()
  net::Fd out_, in_;
  std::string output_;
};

// Splits a command line at spaces, honouring single and double quotes.
std::vector<std::string> split_command(const std::string& command);

// A loopback port nobody listens on now.
Result<uint16_t> free_port();

}  // namespace gauntlet::conformance
