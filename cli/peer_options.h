// What `gauntlet serve` and `gauntlet connect` share: the options both take
// (versions, suite and group lists, PSK modes, key log files) and printing
// what a handshake negotiated.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/connection/config.h"
#include "engine/connection/config_builder.h"
#include "engine/connection/config_names.h"
#include "engine/connection/connection.h"
#include "engine/crypto/keys.h"

#include <CLI/CLI.hpp>

namespace gauntlet::cli {

// What serve and connect both take on their command lines, registered and
// applied in one place: versions, the suite lists, groups, SSL 2.0 kinds,
// TLS 1.3's compatibility mode and PSK modes, the key log.
struct TlsOptions {
  // Each command's own default version range.
  explicit TlsOptions(std::string default_versions) : versions(std::move(default_versions)) {}
  std::string versions, suites, tls13_suites, groups, keylog;
  std::string ssl2_kinds;  // with ssl2 in versions; empty: every kind
  std::string psk_modes = "psk_dhe_ke";
  bool no_middlebox_compat = false;
};
void add_tls_options(CLI::App& sub, TlsOptions& o);
// Into the builder, before build(): versions, suites, key log.
Status apply_tls_options(ConfigBuilder& b, const TlsOptions& o);
// On the built Config: groups, SSL 2.0 kinds, compatibility mode, PSK modes.
Status apply_tls_options(Config& c, const TlsOptions& o);
// --psk-modes (RFC 8446 §4.2.9): psk_ke, psk_dhe_ke, or both (psk_dhe_ke
// preferred).
Result<std::vector<PskKeyExchangeMode>> parse_psk_modes(const std::string& name);

// "tls1.3", "tls1.0:tls1.3", "ssl2:tls1.2", "ssl3,tls1.0,tls1.1" (any of our names or
// OpenSSL's, "TLSv1.3"); the lowest and highest named.
Result<std::pair<ProtocolVersion, ProtocolVersion>> parse_versions(const std::string& list);
// Config's suites from --suites (SSL 3.0 to TLS 1.2) and --tls13-suites,
// as OpenSSL's -cipher and -ciphersuites: TLS 1.3's first, as Config's
// defaults have them. IANA or OpenSSL names, separated by commas or colons;
// an empty list keeps its part of the defaults, a suite in the other's list
// is refused.
Result<std::vector<CipherSuite>> parse_suites(const std::string& suites,
                                              const std::string& tls13_suites);
// --groups: ECDHE curves and FFDHE groups the engine has, in preference
// order ("x25519,P-256,ffdhe2048").
Result<std::vector<NamedGroup>> parse_groups(const std::string& list);
std::vector<std::string> split_list(const std::string& list);
// --ssl2-kinds: SSL 2.0 cipher kinds, SSL_CK_ or OpenSSL names
// ("EXP-RC4-MD5"), in preference order; an empty list keeps the Config's.
Status set_ssl2_kinds(Config& config, const std::string& list);

// Appends NSS key log lines to a file, from any thread.
class KeylogFile : public std::enable_shared_from_this<KeylogFile> {
 public:
  // Created 0600, never through a symbolic link (open_secret_file).
  static Result<std::shared_ptr<KeylogFile>> open(const std::string& path);
  void write(std::string_view line);
  std::function<void(std::string_view)> sink();

 private:
  explicit KeylogFile(FilePtr f) : file_(std::move(f)) {}
  std::mutex mu_;
  FilePtr file_;
};

// A peer-supplied string made safe for a terminal, a log line or a page:
// printable ASCII stays, every other byte (newline, ESC, NUL, non-ASCII)
// becomes \xNN. Applying it twice changes nothing, so a whole log line may
// go through it again.
std::string printable(std::string_view s);

// "TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 group=x25519 ..." on one line, a
// TLS 1.3 one saying whether a HelloRetryRequest came first and, resumed,
// the PSK mode and whether 0-RTT data was taken (for SSL 2.0 "SSLv2
// RC4-MD5 connection-id=... resumed=no"); what the peer chose or sent goes
// through printable().
std::string summary(const Negotiated& n);
// The same, one field a line, with the peer chain.
std::string details(const Negotiated& n);

}  // namespace gauntlet::cli
