#include "conformance/profile/drown_probe.h"

#include <algorithm>

#include "engine/connection/config_builder.h"
#include "engine/crypto/ssl2_cipher.h"
#include "transport/connection_io.h"

namespace gauntlet::conformance {
namespace {

struct Attempt {
  bool accepted = false;
  std::string detail;
};

// One SSL 2.0 handshake with `bugs`. The server went on past our
// CLIENT-MASTER-KEY if the handshake completed, or if we could not open
// what it protected next (its keys differ from ours: a server that took
// the master key its own way still answered with SERVER-VERIFY).
Attempt attempt(const Endpoint& server, const std::string& server_name,
                std::vector<Ssl2CipherKind> offer, const Ssl2Bugs& bugs,
                std::chrono::milliseconds timeout) {
  ConfigBuilder b;
  b.versions(ProtocolVersion::ssl2, ProtocolVersion::ssl2);
  auto config = b.build();
  if (!config) return {false, config.error().reason};
  (*config)->ssl2_cipher_kinds = std::move(offer);
  (*config)->bugs.ssl2 = bugs;
  const auto deadline = net::deadline_in(timeout);
  auto fd = net::connect_tcp(server.host, server.port, deadline);
  if (!fd) return {false, fd.error().reason};
  Connection c = Connection::client(std::move(config).value(), {server_name, std::nullopt});
  const Status st = net::handshake(c, *fd, deadline);
  if (st) return {true, "completed the handshake"};
  if (c.peer_alert()) return {false, "refused: " + st.error().reason};
  const AlertDescription ours = st.error().alert;
  if (ours == AlertDescription::bad_record_mac || ours == AlertDescription::decrypt_error) {
    return {true, "went on past CLIENT-MASTER-KEY (" + st.error().reason + ")"};
  }
  return {false, st.error().reason};
}

bool listed_in(const std::vector<Ssl2CipherKind>& listed, Ssl2CipherKind k) {
  return std::ranges::find(listed, k) != listed.end();
}

}  // namespace

DrownFindings probe_drown(const Endpoint& server, const std::string& server_name,
                          const std::vector<Ssl2CipherKind>& listed,
                          std::chrono::milliseconds timeout) {
  DrownFindings out;
  // An unlisted kind our libcrypto has, export ones first: DROWN's special variant needs them.
  std::optional<Ssl2CipherKind> unlisted;
  for (const Ssl2CipherKindInfo& k : all_ssl2_cipher_kinds()) {
    if (!listed_in(listed, k.kind) && ssl2_cipher_available(k.kind) &&
        (!unlisted || (k.export40() && !ssl2_cipher_kind_info(*unlisted)->export40()))) {
      unlisted = k.kind;
    }
  }
  // CLIENT-HELLO offers what the server lists, so that it answers at all.
  std::vector<Ssl2CipherKind> offer;
  std::ranges::copy_if(listed, std::back_inserter(offer), ssl2_cipher_available);
  if (unlisted && !offer.empty()) {
    Ssl2Bugs bugs;
    bugs.master_key_kind = *unlisted;
    const Attempt a = attempt(server, server_name, offer, bugs, timeout);
    out.accepts_unoffered_kind = a.accepted;
    out.unoffered_detail = iana_name(*unlisted) + ": " + a.detail;
  }
  // A listed kind without clear key bytes, sent 11 of them (as its export
  // twin would have): CVE-2016-0703 makes the clear bytes overwrite the key.
  for (const Ssl2CipherKind k : listed) {
    const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(k);
    if (!info || info->export40() || !ssl2_cipher_available(k)) continue;
    Ssl2Bugs bugs;
    bugs.extra_clear_key_bytes = 11;
    const Attempt a = attempt(server, server_name, {k}, bugs, timeout);
    out.accepts_clear_key_bytes = a.accepted;
    out.clear_key_detail = iana_name(k) + ": " + a.detail;
    break;
  }
  return out;
}

}  // namespace gauntlet::conformance
