// SIGINT and SIGTERM during a run: instead of dying with half the results
// unwritten and process peers left listening, the run stops starting cases,
// ends those under way at their next wait (net::cancel_waits), kills their
// process groups as each case ends, and still writes its reports.
#pragma once

namespace gauntlet::conformance {

// Installs the handlers for its lifetime, then restores the old ones.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // The signal that arrived, 0 if none.
  static int signal();
};

// The shell's convention for a run a signal ended: 128 + the signal number.
inline int interrupted_exit_status(int signal) { return 128 + signal; }

}  // namespace gauntlet::conformance
