#include "engine/connection/keying_material.h"

#include "engine/key_schedule/exporter.h"
#include "engine/key_schedule/tls13_key_schedule.h"

namespace gauntlet {

Result<Bytes> export_keying_material(const Negotiated& n, std::string_view label,
                                     std::optional<ByteView> context, size_t length) {
  const CipherSuiteInfo* suite = cipher_suite_info(n.suite);
  if (n.handshakes == 0 || !suite) return internal_error("no handshake to export from");
  if (n.version >= ProtocolVersion::tls13) {
    // §7.5: no context and an empty one are the same.
    return tls13_export(suite->prf_hash, n.exporter_master_secret, label,
                        context.value_or(ByteView{}), length);
  }
  return export_keying_material(n.version, suite->prf_hash, n.master_secret, n.client_random,
                                n.server_random, label, context, length);
}

Result<Bytes> export_early_keying_material(const Negotiated& n, std::string_view label,
                                           std::optional<ByteView> context, size_t length) {
  const CipherSuiteInfo* suite = cipher_suite_info(n.suite);
  if (n.early_exporter_master_secret.empty() || !suite) {
    return internal_error("no 0-RTT data to export from");
  }
  return tls13_export(suite->prf_hash, n.early_exporter_master_secret, label,
                      context.value_or(ByteView{}), length);
}

}  // namespace gauntlet
