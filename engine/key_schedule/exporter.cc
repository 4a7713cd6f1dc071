#include "engine/key_schedule/exporter.h"

#include <algorithm>
#include <array>
#include <string>

#include "engine/base/writer.h"
#include "engine/key_schedule/key_schedule.h"

namespace gauntlet {
namespace {

// The PRF labels of RFC 5246 and RFC 7627, which an exporter may not reuse.
constexpr std::array<std::string_view, 5> kReservedLabels = {"client finished", "server finished",
                                                             "master secret", "key expansion",
                                                             "extended master secret"};

}  // namespace

Result<Bytes> export_keying_material(ProtocolVersion version, HashAlgorithm prf_hash,
                                     ByteView master_secret, ByteView client_random,
                                     ByteView server_random, std::string_view label,
                                     std::optional<ByteView> context, size_t length) {
  if (version < ProtocolVersion::tls10 || version > ProtocolVersion::tls12) {
    return internal_error("RFC 5705 exporters are for TLS 1.0 to 1.2");
  }
  if (std::ranges::find(kReservedLabels, label) != kReservedLabels.end()) {
    return internal_error("exporter label \"" + std::string(label) + "\" is reserved");
  }
  Writer seed;
  seed.bytes(client_random);
  seed.bytes(server_random);
  if (context) seed.vec16(*context);
  if (!seed.ok()) return internal_error("exporter context over 2^16-1 bytes");
  return version_prf(version, prf_hash, master_secret, label, seed.data(), length);
}

}  // namespace gauntlet
