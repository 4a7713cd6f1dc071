// A peer's TLS 1.3 key share value (RFC 8446 §4.2.8) against our key of the
// group the selector byte picks (fuzz/crypto/key_share_groups.h): X25519
// and X448 (RFC 7748; an all-zero secret is refused, §6), the NIST curves'
// uncompressed points (§4.2.8.2) and an FFDHE value of exactly the size of
// p (§4.2.8.1). Oracle: a refusal is illegal_parameter, a secret has the
// group's size.
#include <memory>

#include "engine/connection/ephemeral_key.h"
#include "fuzz/crypto/key_share_groups.h"
#include "fuzz/oracle.h"

namespace {

using namespace gauntlet;
using fuzzing::kKeyShareGroups;

// Our keys, made once: the fuzzer varies the peer's value only.
const EphemeralKey& our_key(size_t i) {
  static const auto keys = [] {
    std::array<std::unique_ptr<EphemeralKey>, kKeyShareGroups.size()> k;
    DeterministicRandom random(0);
    for (size_t g = 0; g < k.size(); ++g) {
      k[g] = std::make_unique<EphemeralKey>(
          EphemeralKey::generate_tls13(kKeyShareGroups[g].group, random).value());
    }
    return k;
  }();
  return *keys[i];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  const size_t g = in.selector % kKeyShareGroups.size();
  const Result<Bytes> secret = our_key(g).shared_secret(in.rest);
  if (secret ? secret->size() != kKeyShareGroups[g].secret_size
             : secret.error().alert != AlertDescription::illegal_parameter) {
    fuzz::oracle_failed();
  }
  return 0;
}
