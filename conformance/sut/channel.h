// One connection between our scripted peer and the system under test (SUT),
// as bytes: a socket for a real process or host, a direct call for a SUT in
// this process. Every wait is bounded: a SUT that says nothing is a timeout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "conformance/steps/exchange.h"
#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/cipher_suite.h"
#include "transport/socket.h"

namespace gauntlet::conformance {

struct Received {
  Bytes bytes;
  bool closed = false;  // the SUT closed the connection
};

// What an in-process SUT negotiated, for the agreement check: at Finished
// both sides must hold the same version, suite, randoms and master secret.
struct SutView {
  bool handshake_done = false;
  ProtocolVersion version = ProtocolVersion::tls12;
  CipherSuite suite = CipherSuite::null_with_null_null;
  Bytes client_random, server_random, master_secret;
  // TLS 1.3, whose master secret no API shows: kAgreementLength bytes of the
  // exporter (RFC 8446 §7.5) for kAgreementLabel, no context.
  Bytes exported;
};
inline constexpr std::string_view kAgreementLabel = "EXPORTER-gauntlet-agreement";
inline constexpr size_t kAgreementLength = 32;

class Channel {
 public:
  virtual ~Channel() = default;
  virtual Status send(ByteView bytes) = 0;
  // The SUT's next bytes, or that it closed; a timeout Error (net::is_timeout)
  // when it stays silent until `deadline`. In process, silence is known at once.
  virtual Result<Received> receive(net::Deadline deadline) = 0;
  virtual std::optional<SutView> sut_view() const { return std::nullopt; }
  // In process a wait for silence costs nothing; over a socket it costs
  // the deadline.
  virtual bool silence_is_known() const { return false; }
};

inline Error silence() { return internal_error("timeout: the peer sent nothing"); }

}  // namespace gauntlet::conformance
