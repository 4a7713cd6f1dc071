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
    case NamedGroup::secp521r1:
      return EcdhGroup::p521;
    case NamedGroup::x448:
      return EcdhGroup::x448;
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

Result<EphemeralKey> EphemeralKey::generate_tls13(NamedGroup group, RandomSource& random) {
  if (const auto dh = ffdhe_group(group)) {
    auto key = generate_dh(DhParams::ffdhe(*dh), random);
    if (key) key->padded_ = true;
    return key;
  }
  return generate_ec(group, random);
}

Bytes EphemeralKey::public_value() const {
  if (const auto* dh = std::get_if<DhKey>(&key_); dh && padded_) return dh->padded_public_value();
  return std::visit([](const auto& k) -> Bytes { return k.public_value(); }, key_);
}

Result<Bytes> EphemeralKey::shared_secret(ByteView peer_public) const {
  const auto* dh = std::get_if<DhKey>(&key_);
  auto secret = dh && padded_
                    ? dh->padded_shared_secret(peer_public)
                    : std::visit([&](const auto& k) { return k.shared_secret(peer_public); }, key_);
  if (!secret) return illegal_parameter(secret.error().reason);
  return secret;
}

}  // namespace gauntlet
