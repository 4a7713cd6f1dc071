#include "engine/connection/traffic_13.h"

#include "engine/key_schedule/tls13_key_schedule.h"
#include "engine/record/protection_tls13.h"
#include "engine/record/protection_tls13_null.h"

namespace gauntlet {

namespace {

Tls13Padding padding(const Config& c) {
  return Tls13Padding(c.tls13_padding.mode, c.tls13_padding.block, c.random.get());
}

}  // namespace

Result<std::unique_ptr<RecordProtection>> tls13_protection(const Link& link,
                                                           const CipherSuiteInfo& suite,
                                                           ByteView traffic_secret) {
  if (link.fuzzer_mode) {
    auto clear = std::make_unique<Tls13NullProtection>();
    clear->set_padding(padding(link.config));
    return std::unique_ptr<RecordProtection>(std::move(clear));
  }
  const TrafficKeys keys = traffic_keys(suite.prf_hash, suite.cipher, traffic_secret);
  auto made = make_tls13_protection(suite.cipher, keys.key, keys.iv);
  if (!made) return made.error();
  (*made)->set_padding(padding(link.config));
  return std::unique_ptr<RecordProtection>(std::move(made).value());
}

}  // namespace gauntlet
