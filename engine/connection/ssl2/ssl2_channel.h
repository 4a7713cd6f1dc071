// A connection that speaks SSL 2.0 (SSL 2.0 spec): what Connection hands its
// bytes to once the version is SSL 2.0 — a client whose Config range starts
// at SSL 2.0, a server whose range includes it that received a native
// CLIENT-HELLO. It carries the records, runs the handshake of ssl2_order.h,
// then application data. SSL 2.0 has no alerts: a failure the spec names is
// an ERROR message (NO-CIPHER, NO-CERTIFICATE, BAD-CERTIFICATE,
// UNSUPPORTED-CERTIFICATE-TYPE), any other just closes the connection, and
// there is no closure message at all.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/base/error.h"
#include "engine/connection/handshake_link.h"
#include "engine/connection/ssl2/ssl2_handshake.h"
#include "engine/connection/ssl2/ssl2_records.h"
#include "engine/messages/ssl2/short_messages.h"

namespace gauntlet {

class Ssl2Channel {
 public:
  static std::unique_ptr<Ssl2Channel> client();
  static std::unique_ptr<Ssl2Channel> server();
  // A client's CLIENT-HELLO.
  Status start(Link& link);
  ~Ssl2Channel();

  // Bytes from the peer; application data goes to app_in. A peer's ERROR,
  // or a TLS alert in answer to our hello, fails with the alert of that
  // meaning and sets peer_alert().
  Status receive(Link& link, ByteView bytes, Bytes& app_in);
  Status write(Link& link, ByteView data);
  // The ERROR message for a failure, if the spec names one for it.
  void send_error(Link& link, AlertDescription why);

  bool handshake_done() const { return !hs_; }
  std::string progress() const;
  std::optional<AlertDescription> peer_alert() const { return peer_alert_; }

 private:
  explicit Ssl2Channel(std::unique_ptr<Ssl2Handshake> hs);
  Status on_handshake_record(Link& link, ByteView message);

  Ssl2Records records_;
  std::unique_ptr<Ssl2Handshake> hs_;  // null once done
  std::optional<AlertDescription> peer_alert_;
};

// The alert an ERROR code means to this engine, and the reverse (nullopt:
// the spec names no ERROR for that failure).
AlertDescription ssl2_error_alert(Ssl2ErrorCode code);
std::optional<Ssl2ErrorCode> ssl2_error_code(AlertDescription alert);

}  // namespace gauntlet
