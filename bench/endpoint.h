// One end of a TLS connection over an in-memory transport, ours or OpenSSL's
// behind the same interface, so every benchmark runs each pairing the same way.
#pragma once

#include <memory>
#include <string_view>

#include "engine/base/reader.h"

namespace gauntlet::bench {

enum class Impl { ours, openssl };
std::string_view impl_name(Impl i);

class Endpoint {
 public:
  virtual ~Endpoint() = default;
  // Bytes from the peer; advances the handshake.
  virtual void receive(ByteView in) = 0;
  // Bytes for the peer.
  virtual Bytes take_output() = 0;
  virtual bool established() const = 0;
  virtual bool failed() const = 0;
  virtual bool resumed() const = 0;
  virtual void write(ByteView data) = 0;
  // Reads and discards the application data that has arrived; its size.
  virtual size_t drain_application_data() = 0;
};

// Makes one role's connections. A client side can keep a connection's
// session and offer it on every connection it makes afterwards.
class Side {
 public:
  virtual ~Side() = default;
  virtual std::unique_ptr<Endpoint> connect() = 0;
  // A client side only, given an Endpoint its own connect() made.
  virtual void keep_session(const Endpoint&) {}
};

// Carries bytes both ways until both fall silent; true if both ended
// established and neither failed.
bool pump(Endpoint& client, Endpoint& server);

}  // namespace gauntlet::bench
