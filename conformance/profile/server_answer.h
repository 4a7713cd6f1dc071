// What a server sends back to one probe hello, read up to the end of its
// first flight: ServerHelloDone in TLS 1.2 and below, the ServerHello (or
// HelloRetryRequest) in TLS 1.3, whose later messages are encrypted.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/messages/framing/handshake_message.h"
#include "engine/messages/framing/reassembler.h"
#include "engine/messages/handshake/record_bodies.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/ssl2/probe.h"
#include "engine/registry/handshake_type.h"
#include "transport/socket.h"

namespace gauntlet::conformance {

struct FirstFlight {
  ServerHello hello;
  std::vector<HandshakeMessage> after_hello;  // the plaintext messages that followed

  // The version the server chose: supported_versions in TLS 1.3 (RFC 8446
  // §4.2.1), legacy_version before it.
  ProtocolVersion version() const;
  const HandshakeMessage* find(HandshakeType t) const;
  bool has(HandshakeType t) const { return find(t) != nullptr; }
};
struct Ssl2Hello {
  Ssl2ProbeSummary summary;  // its cipher kinds, export ones among them or not
};
struct Ssl2Refused {
  uint16_t code;  // SSL 2.0 spec §2.7
};
struct Refused {
  AlertMessage alert;
};
struct Closed {};  // the connection ended with no answer
struct Silent {};  // no answer before the deadline
struct NotTls {
  Bytes first_bytes;
};
struct Unexpected {  // TLS records, but no ServerHello first
  std::string what;
};

using Answer =
    std::variant<FirstFlight, Ssl2Hello, Ssl2Refused, Refused, Closed, Silent, NotTls, Unexpected>;

// Reads a server's answer as its bytes arrive, in any pieces. Parsing only:
// the fuzz target `server_answer` feeds it hostile bytes.
class AnswerReader {
 public:
  // The Answer once decided; nullopt while more bytes could change it.
  std::optional<Answer> add(ByteView bytes);
  // The connection ended (or fell silent) first: what we have is the answer.
  Answer end(Answer otherwise) const;

 private:
  Bytes first_bytes() const;
  std::optional<Answer> read_ssl2();
  std::optional<Answer> read_tls();
  std::optional<Answer> take(const HandshakeMessage& m);
  std::optional<Answer> so_far();  // what a stream that cannot go on amounts to
  std::optional<Answer> unexpected(const Error& e) const;

  Bytes buffer_;
  size_t consumed_ = 0;
  bool started_ = false, ssl2_ = false;
  HandshakeReassembler reassembler_;
  std::optional<FirstFlight> flight_;
};

struct Endpoint {
  std::string host;
  uint16_t port;
};

// One TCP connection: sends `hello_record`, reads the answer, closes. An
// Error only when no connection could be made.
Result<Answer> ask(const Endpoint& server, ByteView hello_record, net::Deadline deadline);

// "alert handshake_failure", "closed", "TLSv1.2", ...: one line for a report.
std::string describe(const Answer& a);

}  // namespace gauntlet::conformance
