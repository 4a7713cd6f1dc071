#include "engine/connection/negotiation.h"

#include <algorithm>
#include <array>

#include "engine/crypto/certificate_signature.h"
#include "engine/crypto/cipher.h"

namespace gauntlet {

bool suite_usable(const CipherSuiteInfo& s, ProtocolVersion v) {
  if (!s.engine_supported || s.key_exchange == KeyExchange::null ||
      s.key_exchange == KeyExchange::scsv) {
    return false;
  }
  if (v < s.min_version || v > s.max_version) return false;
  const bool ecdhe =
      s.key_exchange == KeyExchange::ecdhe_rsa || s.key_exchange == KeyExchange::ecdhe_ecdsa;
  return !(ecdhe && v == ProtocolVersion::ssl3);
}

namespace {
// RFC 8446 §4.1.3: "DOWNGRD" and 0x01 below TLS 1.3, 0x00 below TLS 1.2.
constexpr std::array<uint8_t, 7> kDowngrade{'D', 'O', 'W', 'N', 'G', 'R', 'D'};
constexpr size_t kSentinelAt = 24;
}  // namespace

void write_downgrade_sentinel(Bytes& server_random, ProtocolVersion negotiated) {
  if (server_random.size() != kSentinelAt + 8 || negotiated >= ProtocolVersion::tls13) return;
  std::ranges::copy(kDowngrade, server_random.begin() + kSentinelAt);
  server_random.back() = negotiated == ProtocolVersion::tls12 ? 0x01 : 0x00;
}

bool has_downgrade_sentinel(ByteView server_random) {
  return server_random.size() == kSentinelAt + 8 &&
         std::ranges::equal(server_random.subspan(kSentinelAt, 7), kDowngrade) &&
         server_random.back() <= 0x01;
}

bool is_cbc(CipherAlgorithm c) { return cipher_kind(c) == CipherKind::block; }

bool is_ec_key(KeyType k) {
  return k == KeyType::ec_p256 || k == KeyType::ec_p384 || k == KeyType::ec_p521;
}

bool key_fits_suite(KeyType key, KeyExchange kx) {
  switch (kx) {
    case KeyExchange::rsa:
      return key == KeyType::rsa;
    case KeyExchange::dhe_rsa:
    case KeyExchange::ecdhe_rsa:
      // An RSA-PSS key signs (rsa_pss_pss_*, TLS 1.2) but transports no key.
      return key == KeyType::rsa || key == KeyType::rsa_pss;
    case KeyExchange::dhe_dss:
      return key == KeyType::dsa;
    case KeyExchange::ecdhe_ecdsa:
      return is_ec_key(key);
    default:
      return false;
  }
}

bool key_usage_fits_suite(const Certificate& leaf, KeyExchange kx) {
  return kx == KeyExchange::rsa ? leaf.allows_key_encipherment()
                                : leaf.allows_digital_signature();
}

std::optional<ClientCertificateType> certificate_type_for(KeyType key) {
  if (key == KeyType::rsa) return ClientCertificateType::rsa_sign;
  if (key == KeyType::dsa) return ClientCertificateType::dss_sign;
  if (is_ec_key(key)) return ClientCertificateType::ecdsa_sign;
  return std::nullopt;
}

Result<std::vector<Certificate>> parse_chain(const Config& c, const CertificateMessage& msg) {
  std::vector<Certificate> chain;
  for (const Bytes& der : msg.certificate_list) {
    auto cert = c.certificate_pool ? c.certificate_pool->decode(der) : Certificate::from_der(der);
    if (!cert) return cert.error();
    chain.push_back(std::move(cert).value());
  }
  return chain;
}

std::vector<Bytes> chain_der(std::span<const Certificate> chain) {
  std::vector<Bytes> out;
  for (const Certificate& c : chain) out.push_back(c.der());
  return out;
}

void prefer_chains_signed_with(std::vector<const Identity*>& ids,
                               std::span<const SignatureScheme> accepted) {
  // The iterator form: clang 14 cannot instantiate the subrange that
  // std::ranges::stable_partition returns from libstdc++ 12.
  std::stable_partition(ids.begin(), ids.end(), [&](const Identity* id) {
    return chain_signed_with(id->chain, accepted);
  });
}

}  // namespace gauntlet
