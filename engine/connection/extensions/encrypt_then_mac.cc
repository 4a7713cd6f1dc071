// encrypt_then_mac (RFC 7366): MAC over the CBC ciphertext instead of the
// plaintext. Agreed only for a CBC suite above SSL 3.0; the record layer
// learns it from HelloState::encrypt_then_mac at ChangeCipherSpec.
#include "engine/connection/extensions/extension.h"
#include "engine/connection/negotiation.h"

namespace gauntlet {
namespace {

std::optional<ExtensionBody> add_to_client_hello(const HelloScope& s) {
  if (!s.config.encrypt_then_mac) return std::nullopt;
  return EncryptThenMac{};
}

// RFC 7366 §2: a TLS extension; SSL 3.0's CBC keeps MAC-then-encrypt.
std::optional<ExtensionBody> add_to_reply(HelloScope& s, ExtensionContext) {
  HelloState& h = s.hs;
  h.encrypt_then_mac = s.config.encrypt_then_mac && is_cbc(h.suite.get().cipher) &&
                       h.version != ProtocolVersion::ssl3 &&
                       find_body(h.client_hello.extensions, ExtensionType::encrypt_then_mac);
  if (!h.encrypt_then_mac) return std::nullopt;
  return EncryptThenMac{};
}

Status on_reply(HelloScope& s, const Reply& r) {
  HelloState& h = s.hs;
  if (!body_as<EncryptThenMac>(r.body)) return ok_status();
  // RFC 7366 §3: only for CBC suites. OpenSSL also answers it for NULL
  // suites, where both orders give the same bytes; we let that pass.
  if (h.version == ProtocolVersion::ssl3) {
    return Error{AlertDescription::unsupported_extension,
                 "encrypt_then_mac in an SSL 3.0 ServerHello (RFC 7366 §2)"};
  }
  if (is_cbc(h.suite.get().cipher)) {
    h.encrypt_then_mac = true;
  } else if (h.suite.get().cipher != CipherAlgorithm::null) {
    return illegal_parameter("encrypt_then_mac for a stream or AEAD suite");
  }
  return ok_status();
}

}  // namespace

constinit const ExtensionRow kEncryptThenMacRow{
    .type = ExtensionType::encrypt_then_mac,
    .replies_in = in(ExtensionContext::server_hello),
    .add_to_client_hello = add_to_client_hello,
    .add_to_reply = add_to_reply,
    .on_reply = on_reply,
};

}  // namespace gauntlet
