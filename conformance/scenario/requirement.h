// What a scenario needs of its peer beyond a version and a suite (issue 15:
// verdicts on a stack we have never seen): a case about heartbeat tests
// nothing on a server without heartbeat, so it is skipped with the reason
// when the peer's setup (profiled or declared, sut/peer_setup.h) lacks it.
// A scenario states its needs with `requires:`; those its steps imply (a
// renegotiation it must complete, a NewSessionTicket it waits for) are
// added by Scenario::requirements().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/registry/extension_type.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet::conformance {

struct Requirement {
  enum class Kind {
    tickets,             // the server issues tickets; the client offers them (RFC 5077)
    renegotiation,       // the peer completes a renegotiation we start (RFC 5746)
    client_certificate,  // the client sends a certificate when asked (RFC 5246 §7.4.6)
    extension,           // the peer implements `extension` (answers or acts on it)
    highest_version,     // the server's highest version is `version`
    signature_scheme,    // the server signs TLS 1.2 key exchanges with `scheme`
    application_data,    // the server answers application data (echo, a page: any bytes)
    // The client refuses a server chain that does not verify to its trust
    // anchors (RFC 5280 §6), and one that does not name the server (RFC
    // 6125 §6): a client set up not to verify (`openssl s_client` without
    // -verify_return_error, `gnutls-cli --insecure`) goes on, as it was told.
    verifies_chain,
    verifies_name,
  };
  Kind kind;
  ExtensionType extension = ExtensionType::server_name;
  ProtocolVersion version = ProtocolVersion::tls12;
  SignatureScheme scheme = SignatureScheme::rsa_pkcs1_sha256;
  bool operator==(const Requirement&) const = default;
};

// "tickets", "renegotiation", "client_certificate", "application_data",
// "verifies_chain", "verifies_name", an extension's IANA
// name ("heartbeat", "record_size_limit", or "alpn" for short) or
// "highest:VERSION" ("highest:tls1.2") or "scheme:NAME"
// ("scheme:rsa_pkcs1_sha1").
std::optional<Requirement> requirement_from_name(std::string_view name);
std::string name_of(const Requirement& r);

}  // namespace gauntlet::conformance
