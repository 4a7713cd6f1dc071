// A peer's TLS 1.3 stream framed as the stateful targets read it in fuzzer
// mode (Config::fuzzer_mode): hellos and ChangeCipherSpec in the clear,
// every other message a TLSInnerPlaintext in the clear under an
// application_data header (RFC 8446 §5.2), inner type last, no padding.
// make_openssl_corpus frames libssl's messages as its message callback
// hands them over; make_gnutls_corpus frames what it opens of GnuTLS's
// protected records (unprotect_peer_stream); make_corpus edits a message of
// an engine's stream (edit_fuzzer_message).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/reader.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/content_type.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet::fuzzing {

// Appends one record: `body` as is when it travels in the clear (a hello,
// ChangeCipherSpec), else body || type under application_data.
void append_fuzzer_record(Bytes& stream, ContentType type, ByteView body);

// The peer's traffic secrets (§7.1), as our side's NSS key log lines name
// them: its handshake and first application traffic secrets.
struct PeerSecrets {
  Bytes handshake, application;
};
// From our side's key log lines; `peer_is_server` picks the SERVER_ labels.
std::optional<PeerSecrets> peer_secrets(const std::vector<std::string>& keylog,
                                        bool peer_is_server);

// `wire`, the peer's bytes as we received them, with each protected record
// opened: under its handshake keys first, its application keys from the
// record after its Finished, the next ones after each KeyUpdate (§7.2, keys
// change on record boundaries, §5.1). nullopt if a record does not open.
std::optional<Bytes> unprotect_peer_stream(ByteView wire, const CipherSuiteInfo& suite,
                                           const PeerSecrets& secrets);

// `stream` with its first handshake message of `type` passed through `edit`
// and the lengths around it made right (record headers as they were, inner
// type and padding kept): a peer that sends what our engine never would,
// for a seed. nullopt when no record holds such a message whole.
using MessageEdit = std::function<void(Bytes& body)>;
std::optional<Bytes> edit_fuzzer_message(ByteView stream, HandshakeType type,
                                         const MessageEdit& edit);

}  // namespace gauntlet::fuzzing
