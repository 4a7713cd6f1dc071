#include "transport/connection_io.h"

namespace gauntlet::net {

namespace {
Error connection_error(const Connection& c) {
  if (c.error()) return *c.error();
  return Error{AlertDescription::close_notify, "peer closed the connection"};
}
}  // namespace

Status flush(Connection& c, const Fd& fd, Deadline deadline) {
  if (!c.has_output()) return ok_status();
  return send_all(fd, c.take_output(), deadline);
}

Result<bool> read_once(Connection& c, const Fd& fd, Deadline deadline) {
  auto bytes = receive_some(fd, deadline);
  if (!bytes) return bytes.error();
  if (bytes->empty()) return false;
  (void)c.receive(*bytes);
  return true;
}

Status handshake(Connection& c, const Fd& fd, Deadline deadline) {
  for (;;) {
    if (auto st = flush(c, fd, deadline); !st) return st;
    if (c.handshake_done() && !c.handshaking()) return ok_status();
    if (c.state() == ConnectionState::closed) return connection_error(c);
    auto open = read_once(c, fd, deadline);
    if (!open) return open.error();
    if (!*open) {
      (void)flush(c, fd, deadline);
      if (c.error()) return *c.error();
      return internal_error("peer closed TCP during the handshake");
    }
  }
}

}  // namespace gauntlet::net
