#include "engine/messages/ssl2/client_hello.h"

#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {
namespace {

constexpr size_t kMinChallenge = 16;
constexpr size_t kMaxChallenge = 32;
constexpr size_t kSessionIdSize = 16;

}  // namespace

Result<Ssl2ClientHello> Ssl2ClientHello::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::client_hello); !s) return s.error();
  uint16_t version, specs_length, session_id_length, challenge_length;
  if (!r.u16(version) || !r.u16(specs_length) || !r.u16(session_id_length) ||
      !r.u16(challenge_length)) {
    return truncated("CLIENT-HELLO");
  }
  Ssl2ClientHello m;
  m.version = static_cast<ProtocolVersion>(version);
  if (specs_length == 0) return decode_error("CLIENT-HELLO: no cipher specs");
  auto specs = read_cipher_specs(r, specs_length, "CLIENT-HELLO");
  if (!specs) return specs.error();
  m.cipher_specs = std::move(*specs);
  if (session_id_length != 0 && session_id_length != kSessionIdSize) {
    return decode_error("CLIENT-HELLO: session ID must be 0 or 16 bytes");
  }
  if (challenge_length < kMinChallenge || challenge_length > kMaxChallenge) {
    return decode_error("CLIENT-HELLO: challenge must be 16 to 32 bytes");
  }
  if (!r.bytes(session_id_length, m.session_id) || !r.bytes(challenge_length, m.challenge)) {
    return truncated("CLIENT-HELLO");
  }
  if (Status s = expect_end(r, "CLIENT-HELLO"); !s) return s.error();
  return m;
}

Result<Bytes> Ssl2ClientHello::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::client_hello));
  w.u16(static_cast<uint16_t>(version));
  w.u16(static_cast<uint16_t>(cipher_specs.size() * 3));
  w.u16(static_cast<uint16_t>(session_id.size()));
  w.u16(static_cast<uint16_t>(challenge.size()));
  write_cipher_specs(w, cipher_specs);
  w.bytes(session_id);
  w.bytes(challenge);
  return finish(w, "CLIENT-HELLO");
}

Result<ClientHelloView> to_tls_view(const Ssl2ClientHello& hello) {
  if (hello.version >= ProtocolVersion::tls12 && !hello.session_id.empty()) {
    return illegal_parameter("SSLv2-compatible hello for TLS 1.2 with a session ID (RFC 5246 E.2)");
  }
  ClientHelloView view{hello.version, Bytes(32 - hello.challenge.size(), 0), hello.session_id, {}};
  view.random.insert(view.random.end(), hello.challenge.begin(), hello.challenge.end());
  for (Ssl2CipherKind kind : hello.cipher_specs) {
    const auto wire = static_cast<uint32_t>(kind);
    if ((wire >> 16) == 0) view.cipher_suites.push_back(static_cast<CipherSuite>(wire & 0xffff));
  }
  return view;
}

}  // namespace gauntlet
