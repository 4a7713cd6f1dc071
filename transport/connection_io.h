// Drives a sans-IO Connection over a socket: its output goes out, the peer's
// bytes come in, until the step at hand is done or the deadline passes.
#pragma once

#include "engine/connection/connection.h"
#include "transport/socket.h"

namespace gauntlet::net {

// Until the handshake completes or the connection closes. The Error is the
// connection's own (the alert it sent or received) or a socket error/timeout.
Status handshake(Connection& c, const Fd& fd, Deadline deadline);

// Sends what the connection has queued.
Status flush(Connection& c, const Fd& fd, Deadline deadline);

// Reads once from the socket into the connection; false when the peer
// closed the TCP stream.
Result<bool> read_once(Connection& c, const Fd& fd, Deadline deadline);

}  // namespace gauntlet::net
