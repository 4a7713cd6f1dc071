#include "engine/testing/tls13_configs.h"

#include <algorithm>
#include <iterator>

#include "engine/testing/engine_pair.h"

namespace gauntlet::test_support {

namespace {

std::shared_ptr<Config> with_tls13(std::shared_ptr<Config> c) {
  c->min_version = ProtocolVersion::tls10;
  c->max_version = ProtocolVersion::tls13;
  std::vector<CipherSuite> suites = tls13_cipher_suites();
  std::ranges::copy(c->cipher_suites, std::back_inserter(suites));
  c->cipher_suites = std::move(suites);
  c->groups.assign(kTls13Groups.begin(), kTls13Groups.end());
  for (const SchemeIdentity& s : kTls13Schemes) {
    if (std::ranges::find(c->signature_schemes, s.scheme) == c->signature_schemes.end()) {
      c->signature_schemes.push_back(s.scheme);
    }
  }
  return c;
}

}  // namespace

std::shared_ptr<Config> tls13_server(uint64_t seed) { return with_tls13(server_config(seed)); }
std::shared_ptr<Config> tls13_client(uint64_t seed) { return with_tls13(client_config(seed)); }

}  // namespace gauntlet::test_support
