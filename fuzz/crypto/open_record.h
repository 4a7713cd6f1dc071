// The record-opening targets, one per protection mode (each file names its
// mode): the selector byte's low nibble picks the variant (version, cipher,
// MAC, encrypt-then-MAC) and its next two bits the record's content type;
// the rest is the fragment of that record with sequence number 0 under
// fixed keys. Oracle: what opens, sealed again
// under the same keys, opens to the same type and plaintext; modes without a
// per-record IV or padding choice (null, stream) must reproduce the fragment
// byte for byte, and so must an AEAD record sealed again with the explicit
// nonce it came with (RFC 5288 §3: the sender's choice, then deterministic).
#pragma once

#include <algorithm>

#include "fuzz/crypto/fixed_keys.h"
#include "fuzz/oracle.h"

namespace gauntlet::fuzzing {

inline void open_record(const uint8_t* data, size_t size, ProtectionMode mode) {
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return;
  const auto& variants = protection_variants(mode);
  const ProtectionVariant& v = variants[(in.selector & 0x0f) % variants.size()];
  constexpr ContentType kTypes[] = {ContentType::application_data, ContentType::handshake,
                                    ContentType::alert, ContentType::change_cipher_spec};
  const ContentType outer = kTypes[(in.selector >> 4) & 3];
  // TLS 1.3 records carry the TLS 1.2 version on the wire (RFC 8446 §5.1).
  const ProtocolVersion wire =
      v.version == ProtocolVersion::tls13 ? ProtocolVersion::tls12 : v.version;
  DeterministicRandom random(0);
  auto opener = fixed_protection(v, CipherDirection::decrypt, random);
  auto opened = opener->open(outer, wire, in.rest);
  if (!opened) return;

  auto sealer = fixed_protection(v, CipherDirection::encrypt, random);
  auto sealed = sealer->seal(opened->type, wire, opened->plaintext);
  if (!sealed) fuzz::oracle_failed();
  const bool exact = mode == ProtectionMode::null || mode == ProtectionMode::stream;
  if (exact && !std::ranges::equal(*sealed, in.rest)) fuzz::oracle_failed();
  auto again = fixed_protection(v, CipherDirection::decrypt, random)
                   ->open(outer, wire, *sealed);
  if (!again || again->type != opened->type || again->plaintext != opened->plaintext) {
    fuzz::oracle_failed();
  }
  if (mode == ProtectionMode::aead) {
    // ChaCha20-Poly1305 has no explicit nonce (RFC 7905 §2): refused.
    SealShape shape;
    shape.explicit_nonce = Bytes(in.rest.begin(), in.rest.begin() + 8);
    auto resealed = fixed_protection(v, CipherDirection::encrypt, random)
                        ->seal_shaped(opened->type, wire, opened->plaintext, shape);
    if (resealed && !std::ranges::equal(*resealed, in.rest)) fuzz::oracle_failed();
  }
}

}  // namespace gauntlet::fuzzing
