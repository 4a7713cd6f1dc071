// RFC 8448's traces replayed through the engine: the trace's randomness
// injected in the order the engine draws it, the secrets our key log
// writes, and the Config the trace's peers agreed to.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/connection/config.h"

namespace gauntlet::rfc8448 {

// ClientHello.random and ServerHello.random, from the messages.
Bytes random_of(const Bytes& hello);

// NSS key log lines by label.
std::map<std::string, Bytes> keylog_by_label(const std::vector<std::string>& lines);

// TLS 1.3 only, the trace's suites, groups and schemes in its order,
// record_size_limit 2^14+1, no compatibility mode, NSS's extension order;
// `randomness` is drawn in turn, each piece as long as the engine asks.
std::shared_ptr<Config> trace_config(std::vector<Bytes> randomness,
                                     std::vector<std::string>& keylog);

// The five secrets of a whole handshake in our key log are the trace's
// `section` values.
void expect_logged_secrets(const std::vector<std::string>& keylog, const std::string& section);

// What the traces' server (NSS) puts in EncryptedExtensions and ours does
// not: its groups (RFC 8446 §4.2.7), record_size_limit (RFC 8449) and the
// server_name acknowledgment, in its order, for Bugs::encrypted_extensions.
std::vector<std::pair<uint16_t, Bytes>> nss_encrypted_extensions();

// A record in the clear, as the trace prints it.
Bytes handshake_record(ProtocolVersion v, const Bytes& message);

}  // namespace gauntlet::rfc8448
