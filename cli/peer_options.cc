#include "cli/peer_options.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <sstream>

#include "engine/base/name_table.h"
#include "engine/connection/ephemeral_key.h"

namespace gauntlet::cli {

namespace {
using M = PskKeyExchangeMode;
constexpr std::array<NameRow<M>, 2> kPskModes{{
    {M::psk_ke, "psk_ke", ""},
    {M::psk_dhe_ke, "psk_dhe_ke", ""},
}};
std::string name_of(M m) { return iana_name<M>(kPskModes, m, 2); }
}  // namespace

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  for (const char ch : list + ",") {
    if (ch == ',' || ch == ':') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (ch != ' ') {
      item.push_back(ch);
    }
  }
  return out;
}

Result<std::pair<ProtocolVersion, ProtocolVersion>> parse_versions(const std::string& list) {
  std::vector<ProtocolVersion> versions;
  for (const std::string& name : split_list(list)) {
    const auto v = protocol_version_from_any_name(name);
    if (!v || *v > ProtocolVersion::tls13) {
      return decode_error("unknown or unsupported version '" + name +
                          "' (ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3)");
    }
    versions.push_back(*v);
  }
  if (versions.empty()) return decode_error("no version named");
  const auto [lo, hi] = std::ranges::minmax(versions);
  return std::pair{lo, hi};
}

namespace {
bool is_tls13_suite(const CipherSuiteInfo& s) { return s.min_version >= ProtocolVersion::tls13; }

// One of the two lists: every name a suite the engine implements, of the
// list's kind.
Result<std::vector<CipherSuite>> parse_suite_list(const std::string& list, bool tls13) {
  std::vector<CipherSuite> out;
  for (const std::string& name : split_list(list)) {
    const auto s = cipher_suite_from_name(name);
    const CipherSuiteInfo* info = s ? cipher_suite_info(*s) : nullptr;
    if (!info || !info->engine_supported) return decode_error("unknown cipher suite '" + name + "'");
    if (is_tls13_suite(*info) != tls13) {
      return decode_error("'" + name + "' belongs in " +
                          (tls13 ? "--suites" : "--tls13-suites"));
    }
    out.push_back(*s);
  }
  if (out.empty()) return decode_error("no cipher suite named");
  return out;
}
}  // namespace

Result<std::vector<CipherSuite>> parse_suites(const std::string& suites,
                                              const std::string& tls13_suites) {
  std::vector<CipherSuite> tls13 = tls13_cipher_suites(), below = default_cipher_suites();
  if (!tls13_suites.empty()) {
    auto list = parse_suite_list(tls13_suites, true);
    if (!list) return list.error();
    tls13 = std::move(list).value();
  }
  if (!suites.empty()) {
    auto list = parse_suite_list(suites, false);
    if (!list) return list.error();
    below = std::move(list).value();
  }
  std::ranges::copy(below, std::back_inserter(tls13));
  return tls13;
}

Result<std::vector<NamedGroup>> parse_groups(const std::string& list) {
  std::vector<NamedGroup> out;
  for (const std::string& name : split_list(list)) {
    const auto g = named_group_from_name(name);
    if (!g || (!ecdh_group(*g) && !ffdhe_group(*g))) {
      return decode_error("unknown or unsupported group '" + name + "'");
    }
    out.push_back(*g);
  }
  if (out.empty()) return decode_error("no group named");
  return out;
}

Result<std::vector<PskKeyExchangeMode>> parse_psk_modes(const std::string& name) {
  if (name == "both") return std::vector{M::psk_dhe_ke, M::psk_ke};
  if (const auto m = from_name<M>(kPskModes, name)) return std::vector{*m};
  return decode_error("unknown PSK mode '" + name + "' (psk_ke, psk_dhe_ke, both)");
}

void add_tls_options(CLI::App& sub, TlsOptions& o) {
  sub.add_option("--versions", o.versions, "e.g. tls1.3, tls1.2, ssl3:tls1.2 or ssl2")
      ->capture_default_str();
  sub.add_option("--suites", o.suites,
                 "SSL 3.0-TLS 1.2 cipher suites, IANA or OpenSSL names, comma-separated");
  sub.add_option("--tls13-suites", o.tls13_suites, "TLS 1.3 cipher suites, comma-separated");
  sub.add_option("--groups", o.groups, "key exchange groups in preference order, e.g. x25519,P-256");
  sub.add_flag("--no-middlebox-compat", o.no_middlebox_compat,
               "TLS 1.3 without middlebox compatibility mode (RFC 8446 D.4)");
  sub.add_option("--psk-modes", o.psk_modes,
                 "TLS 1.3 resumption modes: psk_ke, psk_dhe_ke or both (RFC 8446 4.2.9)")
      ->capture_default_str();
  sub.add_option("--ssl2-kinds", o.ssl2_kinds,
                 "SSL 2.0 cipher kinds with ssl2 in --versions (default: all, export included)");
  sub.add_option("--keylog", o.keylog, "append NSS key log lines to this file");
}

Status apply_tls_options(ConfigBuilder& b, const TlsOptions& o) {
  auto versions = parse_versions(o.versions);
  if (!versions) return versions.error();
  b.versions(versions->first, versions->second);
  auto suites = parse_suites(o.suites, o.tls13_suites);
  if (!suites) return suites.error();
  b.cipher_suites(std::move(suites).value());
  if (!o.keylog.empty()) {
    auto file = KeylogFile::open(o.keylog);
    if (!file) return file.error();
    b.keylog((*file)->sink());
  }
  return ok_status();
}

Status apply_tls_options(Config& c, const TlsOptions& o) {
  if (auto st = set_ssl2_kinds(c, o.ssl2_kinds); !st) return st;
  if (!o.groups.empty()) {
    auto groups = parse_groups(o.groups);
    if (!groups) return groups.error();
    c.groups = std::move(groups).value();
  }
  auto modes = parse_psk_modes(o.psk_modes);
  if (!modes) return modes.error();
  c.psk_modes = std::move(modes).value();
  c.middlebox_compat = !o.no_middlebox_compat;
  return ok_status();
}

Result<std::shared_ptr<KeylogFile>> KeylogFile::open(const std::string& path) {
  auto f = open_secret_file(path);
  if (!f) return Error{f.error().alert, "key log file: " + f.error().reason};
  return std::shared_ptr<KeylogFile>(new KeylogFile(std::move(f).value()));
}

void KeylogFile::write(std::string_view line) {
  std::lock_guard lock(mu_);
  std::fprintf(file_.get(), "%.*s\n", static_cast<int>(line.size()), line.data());
  std::fflush(file_.get());
}

std::function<void(std::string_view)> KeylogFile::sink() {
  return [self = shared_from_this()](std::string_view l) { self->write(l); };
}

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto b = static_cast<uint8_t>(ch);
    if (b >= 0x20 && b < 0x7f) {
      out.push_back(ch);
    } else {
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

Status set_ssl2_kinds(Config& config, const std::string& list) {
  if (list.empty()) return ok_status();
  std::vector<Ssl2CipherKind> kinds;
  for (const std::string& name : split_list(list)) {
    const auto k = ssl2_cipher_kind_from_name(name);
    if (!k) return decode_error("unknown SSL 2.0 cipher kind '" + name + "'");
    kinds.push_back(*k);
  }
  config.ssl2_cipher_kinds = std::move(kinds);
  return ok_status();
}

namespace {
std::string hex(ByteView b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const uint8_t x : b) {
    out.push_back(kHex[x >> 4]);
    out.push_back(kHex[x & 15]);
  }
  return out;
}

// SSL 2.0 negotiates a cipher kind, not a suite, and no extensions.
std::string ssl2_summary(const Negotiated& n) {
  return "SSLv2 " + openssl_name(*n.ssl2_cipher_kind) +
         " connection-id=" + hex(n.ssl2_connection_id) + " resumed=" + (n.resumed ? "yes" : "no");
}
}  // namespace

std::string summary(const Negotiated& n) {
  if (n.ssl2_cipher_kind) return ssl2_summary(n);
  std::ostringstream out;
  out << openssl_name(n.version) << " " << iana_name(n.suite);
  if (n.group) out << " group=" << iana_name(*n.group);
  if (n.signature_scheme) out << " sigalg=" << iana_name(*n.signature_scheme);
  if (n.version >= ProtocolVersion::tls13) {
    out << " hrr=" << (n.hello_retry ? "yes" : "no");
  } else {
    out << " ems=" << (n.extended_master_secret ? "yes" : "no");
  }
  out << " resumed=" << (n.resumed ? "yes" : "no");
  if (n.psk_mode) {
    out << " psk=" << name_of(*n.psk_mode)
        << " early_data=" << (n.early_data_accepted ? "accepted" : "no");
  }
  if (!n.alpn.empty()) out << " alpn=" << printable(n.alpn);
  if (!n.server_name.empty()) out << " sni=" << printable(n.server_name);
  return out.str();
}

std::string details(const Negotiated& n) {
  std::ostringstream out;
  if (n.ssl2_cipher_kind) {
    out << "version:        " << openssl_name(n.version) << "\n"
        << "cipher kind:    " << iana_name(*n.ssl2_cipher_kind) << " ("
        << openssl_name(*n.ssl2_cipher_kind) << ")\n"
        << "connection-id:  " << hex(n.ssl2_connection_id) << "\n"
        << "session reused: " << (n.resumed ? "yes" : "no") << "\n";
  } else {
    out << "version:        " << openssl_name(n.version) << "\n"
        << "cipher suite:   " << iana_name(n.suite) << " (" << openssl_name(n.suite) << ")\n"
        << "group:          " << (n.group ? iana_name(*n.group) : "-") << "\n"
        << "signature:      " << (n.signature_scheme ? iana_name(*n.signature_scheme) : "-") << "\n";
    // TLS 1.3 has none of the three extensions below (RFC 8446 §4.2 lists
    // what it keeps); it may have asked for a second ClientHello (§4.1.4).
    // Resumed, it says how (§4.2.9) and whether 0-RTT data was taken
    // (§4.2.10).
    if (n.version >= ProtocolVersion::tls13) {
      out << "hello retry:    " << (n.hello_retry ? "yes" : "no") << "\n"
          << "PSK mode:       " << (n.psk_mode ? name_of(*n.psk_mode) : "-") << "\n"
          << "early data:     " << (n.early_data_accepted ? "accepted" : "-") << "\n";
    } else {
      out << "extended master secret: " << (n.extended_master_secret ? "yes" : "no") << "\n"
          << "encrypt-then-MAC: " << (n.encrypt_then_mac ? "yes" : "no") << "\n"
          << "secure renegotiation: " << (n.secure_renegotiation ? "yes" : "no") << "\n";
    }
    out << "resumed:        " << (n.resumed ? "yes" : "no") << "\n"
        << "ALPN:           " << (n.alpn.empty() ? "-" : printable(n.alpn)) << "\n"
        << "server name:    " << (n.server_name.empty() ? "-" : printable(n.server_name)) << "\n";
  }
  out << "peer chain:\n";
  for (size_t i = 0; i < n.peer_chain.size(); ++i) {
    out << "  " << i << " s: " << printable(n.peer_chain[i].subject()) << "\n"
        << "    i: " << printable(n.peer_chain[i].issuer()) << "\n";
  }
  return out.str();
}

}  // namespace gauntlet::cli
