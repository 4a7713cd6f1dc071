#include "engine/connection/traffic_13.h"

#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/record/protection_tls13.h"

namespace gauntlet {

Result<std::unique_ptr<RecordProtection>> tls13_protection(const CipherSuiteInfo& suite,
                                                           ByteView traffic_secret,
                                                           bool fuzzer_mode) {
  if (fuzzer_mode) return make_null_protection();
  const TrafficKeys keys = traffic_keys(suite.prf_hash, suite.cipher, traffic_secret);
  auto made = make_tls13_protection(suite.cipher, keys.key, keys.iv);
  if (!made) return made.error();
  return std::unique_ptr<RecordProtection>(std::move(made).value());
}

}  // namespace gauntlet
