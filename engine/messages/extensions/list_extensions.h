// Extensions that are one list of 16- or 8-bit code points:
// supported_groups (RFC 8422 §5.1.1, <2..2^16-1>), signature_algorithms and
// signature_algorithms_cert (RFC 5246 §7.4.1.4.1, RFC 8446 §4.2.3,
// <2..2^16-2>), ec_point_formats (RFC 8422 §5.1.2, <1..2^8-1>),
// psk_key_exchange_modes (RFC 8446 §4.2.9, <1..255>) and the ClientHello
// supported_versions (§4.2.1, <2..254>). Empty or odd-length lists are
// decode_error.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/messages/common/lists.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/version.h"

namespace gauntlet {

enum class PskKeyExchangeMode : uint8_t { psk_ke = 0, psk_dhe_ke = 1 };

// A list of 16-bit values behind a 2-byte length; Tag keeps the variant
// alternatives distinct.
template <typename E, int Tag>
struct U16ListExtension {
  std::vector<E> values;
  static Result<U16ListExtension> parse(ByteView body);
  void serialize(Writer& w) const { write_u16_list(w, values); }
  bool operator==(const U16ListExtension&) const = default;
};

// A list of 8-bit values behind a 1-byte length.
template <typename E, int Tag>
struct U8ListExtension {
  std::vector<E> values;
  static Result<U8ListExtension> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const U8ListExtension&) const = default;
};

using SupportedGroups = U16ListExtension<NamedGroup, 0>;
using SignatureAlgorithms = U16ListExtension<SignatureScheme, 1>;
using SignatureAlgorithmsCert = U16ListExtension<SignatureScheme, 2>;
using EcPointFormats = U8ListExtension<ECPointFormat, 3>;
using PskKeyExchangeModes = U8ListExtension<PskKeyExchangeMode, 4>;

// supported_versions in a ClientHello: a 1-byte length of 2-byte versions.
struct SupportedVersionsList {
  std::vector<ProtocolVersion> versions;
  static Result<SupportedVersionsList> parse(ByteView body);
  void serialize(Writer& w) const;
  bool operator==(const SupportedVersionsList&) const = default;
};

}  // namespace gauntlet
