// `gauntlet serve`'s event loops: epoll over the listening socket and every
// client's, so a client that is slow or silent holds only its own socket and
// a deadline, never a thread, and accepting goes on while any number of them
// wait. One loop a core, each with its own clients, all on one listening
// socket (EPOLLEXCLUSIVE wakes one of them per newcomer), so handshakes use
// every core. SIGINT and SIGTERM end the loops at once: held connections get
// a close_notify if it can go without waiting, then closed.
#pragma once

#include <memory>

#include "cli/serve/serve_session.h"
#include "transport/socket.h"

namespace gauntlet::cli {

struct LoopOptions {
  size_t max_connections = 1024;  // in all loops; beyond it, accepting waits
  size_t threads = 1;             // event loops
  bool once = false;              // serve one connection (on one loop), then return
};

// Serves on `listener` until a signal (or, with `once`, the first client is
// done). 0, or kUsageError when the event loop cannot be set up.
int serve_loop(net::Fd listener, std::shared_ptr<const Config> config,
               const SessionPolicy& policy, const LoopOptions& options);

}  // namespace gauntlet::cli
