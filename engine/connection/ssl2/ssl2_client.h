// The client's rows of the SSL 2.0 handshake (ssl2_order.h): CLIENT-HELLO
// offering Config::ssl2_cipher_kinds (and a session to reuse), the kind
// chosen from SERVER-HELLO, CLIENT-MASTER-KEY with the RFC 6101 E.2 rollback
// guard when we also speak SSL 3.0 or later, CLIENT-FINISHED, the challenge
// checked in SERVER-VERIFY, a CLIENT-CERTIFICATE when asked.
#pragma once

#include <optional>

#include "engine/connection/ssl2/ssl2_handshake.h"

namespace gauntlet {

class Ssl2ClientHandshake final : public Ssl2Handshake {
 public:
  Ssl2ClientHandshake() : Ssl2Handshake(Role::client) {}

  Status write_client_hello(Ssl2Link& l);
  Status on_server_hello(Ssl2Link& l, ByteView message);
  Status write_client_master_key(Ssl2Link& l);
  Status write_client_finished(Ssl2Link& l);
  Status on_server_verify(Ssl2Link& l, ByteView message);
  Status on_request_certificate(Ssl2Link& l, ByteView message);
  Status write_client_certificate(Ssl2Link& l);
  Status on_server_finished(Ssl2Link& l, ByteView message);

 private:
  Status act(const Ssl2OrderRow& row, Ssl2Link& l, ByteView body) override;
  Status certify_server(Ssl2Link& l, ByteView certificate);

  std::optional<Session> offered_;  // the session our CLIENT-HELLO names
  std::optional<PublicKey> server_key_;
};

}  // namespace gauntlet
