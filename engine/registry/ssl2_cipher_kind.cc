#include "engine/registry/ssl2_cipher_kind.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using K = Ssl2CipherKind;
constexpr std::array<NameRow<K>, 7> kKinds{{
    {K::rc4_128_with_md5, "SSL_CK_RC4_128_WITH_MD5", "RC4-MD5"},
    {K::rc4_128_export40_with_md5, "SSL_CK_RC4_128_EXPORT40_WITH_MD5", "EXP-RC4-MD5"},
    {K::rc2_128_cbc_with_md5, "SSL_CK_RC2_128_CBC_WITH_MD5", "RC2-CBC-MD5"},
    {K::rc2_128_cbc_export40_with_md5, "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5", "EXP-RC2-CBC-MD5"},
    {K::idea_128_cbc_with_md5, "SSL_CK_IDEA_128_CBC_WITH_MD5", "IDEA-CBC-MD5"},
    {K::des_64_cbc_with_md5, "SSL_CK_DES_64_CBC_WITH_MD5", "DES-CBC-MD5"},
    {K::des_192_ede3_cbc_with_md5, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5", "DES-CBC3-MD5"},
}};

using C = Ssl2BulkCipher;
// Key sizes from the kind's last byte (bits); the export40 kinds keep 5
// bytes secret (SSL 2.0 spec §2.6); KEY-ARG-DATA is exactly 8 bytes for
// every CBC kind (§2.5).
constexpr std::array<Ssl2CipherKindInfo, 7> kInfo{{
    {K::rc4_128_with_md5, C::rc4, 16, 0, 1, 0},
    {K::rc4_128_export40_with_md5, C::rc4, 16, 11, 1, 0},
    {K::rc2_128_cbc_with_md5, C::rc2_cbc, 16, 0, 8, 8},
    {K::rc2_128_cbc_export40_with_md5, C::rc2_cbc, 16, 11, 8, 8},
    {K::idea_128_cbc_with_md5, C::idea_cbc, 16, 0, 8, 8},
    {K::des_64_cbc_with_md5, C::des_cbc, 8, 0, 8, 8},
    {K::des_192_ede3_cbc_with_md5, C::des_ede3_cbc, 24, 0, 8, 8},
}};

}  // namespace

std::span<const Ssl2CipherKindInfo> all_ssl2_cipher_kinds() { return kInfo; }

const Ssl2CipherKindInfo* ssl2_cipher_kind_info(Ssl2CipherKind kind) {
  for (const Ssl2CipherKindInfo& info : kInfo)
    if (info.kind == kind) return &info;
  return nullptr;
}

std::string iana_name(Ssl2CipherKind v) { return iana_name<K>(kKinds, v, 6); }
std::string openssl_name(Ssl2CipherKind v) { return openssl_name<K>(kKinds, v, 6); }
std::optional<Ssl2CipherKind> ssl2_cipher_kind_from_name(std::string_view n) {
  return from_name<K>(kKinds, n);
}
std::optional<Ssl2CipherKind> known_ssl2_cipher_kind(uint32_t wire) {
  return from_value<K>(kKinds, wire);
}

}  // namespace gauntlet
