// The server's rows of the SSL 2.0 handshake (ssl2_order.h): a native
// CLIENT-HELLO answered with SERVER-HELLO (our RSA certificate, the kinds
// both offer, a connection-id; SESSION-ID-HIT for a cached session),
// CLIENT-MASTER-KEY held to what we offered and to the kind's clear key
// bytes (CVE-2015-3197, CVE-2016-0703), the secret decrypted in constant
// time, CLIENT-FINISHED's connection-id, SERVER-VERIFY, REQUEST-CERTIFICATE
// when Config::client_auth asks (ERROR NO-CERTIFICATE in its place closes
// unless the certificate is optional), SERVER-FINISHED with a new session-id.
#pragma once

#include <optional>
#include <vector>

#include "engine/connection/ssl2/ssl2_handshake.h"

namespace gauntlet {

class Ssl2ServerHandshake final : public Ssl2Handshake {
 public:
  Ssl2ServerHandshake() : Ssl2Handshake(Role::server) {}

  Status on_client_hello(Ssl2Link& l, ByteView message);
  Status write_server_hello(Ssl2Link& l);
  Status on_client_master_key(Ssl2Link& l, ByteView message);
  Status on_client_finished(Ssl2Link& l, ByteView message);
  Status write_server_verify(Ssl2Link& l);
  Status write_request_certificate(Ssl2Link& l);
  Status on_client_certificate(Ssl2Link& l, ByteView message);
  Status write_server_finished(Ssl2Link& l);
  bool recovers_from(Ssl2Link& l, Ssl2ErrorCode code) override;

 private:
  Status act(const Ssl2OrderRow& row, Ssl2Link& l, ByteView body) override;

  const Identity* identity_ = nullptr;  // our RSA one
  std::vector<Ssl2CipherKind> offered_;  // SERVER-HELLO's CIPHER-SPECS
};

}  // namespace gauntlet
