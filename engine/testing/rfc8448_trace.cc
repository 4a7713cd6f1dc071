#include "engine/testing/rfc8448_trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/wire_edit.h"

namespace gauntlet::rfc8448 {
namespace {

class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::vector<Bytes> script) : script_(script.begin(), script.end()) {}
  void fill(std::span<uint8_t> out) override {
    ASSERT_FALSE(script_.empty()) << "more randomness drawn than the trace has";
    const Bytes next = script_.front();
    script_.pop_front();
    ASSERT_EQ(next.size(), out.size());
    std::ranges::copy(next, out.begin());
  }

 private:
  std::deque<Bytes> script_;
};

}  // namespace

Bytes random_of(const Bytes& hello) { return Bytes(hello.begin() + 6, hello.begin() + 38); }

std::map<std::string, Bytes> keylog_by_label(const std::vector<std::string>& lines) {
  std::map<std::string, Bytes> out;
  for (const std::string& l : lines) {
    const size_t first = l.find(' '), second = l.find(' ', first + 1);
    Bytes secret;
    for (size_t i = second + 1; i + 1 < l.size() + 1; i += 2) {
      secret.push_back(static_cast<uint8_t>(std::stoi(l.substr(i, 2), nullptr, 16)));
    }
    out[l.substr(0, first)] = secret;
  }
  return out;
}

std::shared_ptr<Config> trace_config(std::vector<Bytes> randomness,
                                     std::vector<std::string>& keylog) {
  auto c = std::make_shared<Config>();
  c->min_version = c->max_version = ProtocolVersion::tls13;
  c->cipher_suites = {CipherSuite::aes_128_gcm_sha256, CipherSuite::chacha20_poly1305_sha256,
                      CipherSuite::aes_256_gcm_sha384};
  c->groups = {NamedGroup::x25519,    NamedGroup::secp256r1, NamedGroup::secp384r1,
               NamedGroup::secp521r1, NamedGroup::ffdhe2048, NamedGroup::ffdhe3072,
               NamedGroup::ffdhe4096, NamedGroup::ffdhe6144, NamedGroup::ffdhe8192};
  c->signature_schemes.clear();
  for (const int s : {0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501,
                      0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202}) {
    c->signature_schemes.push_back(static_cast<SignatureScheme>(s));
  }
  c->encrypt_then_mac = false;
  c->extended_master_secret = false;
  c->record_size_limit = 0x4001;
  c->middlebox_compat = false;
  c->bugs.extension_order = {0, 0xff01, 10, 35, 51, 43, 13, 45, 28};
  c->random = std::make_shared<ScriptedRandom>(std::move(randomness));
  c->clock = std::make_shared<FixedClock>(test_support::kTestNow);
  c->keylog = [&keylog](std::string_view l) { keylog.emplace_back(l); };
  return c;
}

void expect_logged_secrets(const std::vector<std::string>& keylog, const std::string& section) {
  const auto secrets = keylog_by_label(keylog);
  for (const auto& [label, name] :
       {std::pair{"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "client_handshake_traffic_secret"},
        std::pair{"SERVER_HANDSHAKE_TRAFFIC_SECRET", "server_handshake_traffic_secret"},
        std::pair{"CLIENT_TRAFFIC_SECRET_0", "client_application_traffic_secret"},
        std::pair{"SERVER_TRAFFIC_SECRET_0", "server_application_traffic_secret"},
        std::pair{"EXPORTER_SECRET", "exporter_master_secret"}}) {
    ASSERT_TRUE(secrets.contains(label)) << label;
    EXPECT_EQ(secrets.at(label), value(section + "." + name)) << label;
  }
}

std::vector<std::pair<uint16_t, Bytes>> nss_encrypted_extensions() {
  return {{0x0a, {0x00, 0x12, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18, 0x00, 0x19,
                  0x01, 0x00, 0x01, 0x01, 0x01, 0x02, 0x01, 0x03, 0x01, 0x04}},
          {0x1c, {0x40, 0x01}},
          {0x00, {}}};
}

Bytes handshake_record(ProtocolVersion v, const Bytes& message) {
  return test_support::plain_record(ContentType::handshake, v, message);
}

}  // namespace gauntlet::rfc8448
