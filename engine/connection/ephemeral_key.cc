#include "engine/connection/ephemeral_key.h"

namespace gauntlet {

std::optional<EcdhGroup> ecdh_group(NamedGroup g) {
  switch (g) {
    case NamedGroup::x25519:
      return EcdhGroup::x25519;
    case NamedGroup::secp256r1:
      return EcdhGroup::p256;
    case NamedGroup::secp384r1:
      return EcdhGroup::p384;
    default:
      return std::nullopt;
  }
}

std::optional<FfdheGroup> ffdhe_group(NamedGroup g) {
  switch (g) {
    case NamedGroup::ffdhe2048:
      return FfdheGroup::ffdhe2048;
    case NamedGroup::ffdhe3072:
      return FfdheGroup::ffdhe3072;
    case NamedGroup::ffdhe4096:
      return FfdheGroup::ffdhe4096;
    case NamedGroup::ffdhe6144:
      return FfdheGroup::ffdhe6144;
    case NamedGroup::ffdhe8192:
      return FfdheGroup::ffdhe8192;
    default:
      return std::nullopt;
  }
}

Result<EphemeralKey> EphemeralKey::generate_ec(NamedGroup group, RandomSource& random) {
  const auto g = ecdh_group(group);
  if (!g) return illegal_parameter("curve " + iana_name(group) + " is not supported");
  auto key = EcdhKey::generate(*g, random);
  if (!key) return key.error();
  return EphemeralKey(std::move(key).value());
}

Result<EphemeralKey> EphemeralKey::generate_dh(const DhParams& params, RandomSource& random) {
  auto key = DhKey::generate(params, random);
  if (!key) return key.error();
  return EphemeralKey(std::move(key).value());
}

const Bytes& EphemeralKey::public_value() const {
  return std::visit([](const auto& k) -> const Bytes& { return k.public_value(); }, key_);
}

Result<Bytes> EphemeralKey::shared_secret(ByteView peer_public) const {
  auto secret = std::visit([&](const auto& k) { return k.shared_secret(peer_public); }, key_);
  if (!secret) return illegal_parameter(secret.error().reason);
  return secret;
}

}  // namespace gauntlet
