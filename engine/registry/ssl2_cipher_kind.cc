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

}  // namespace

std::string iana_name(Ssl2CipherKind v) { return iana_name<K>(kKinds, v, 6); }
std::string openssl_name(Ssl2CipherKind v) { return openssl_name<K>(kKinds, v, 6); }
std::optional<Ssl2CipherKind> ssl2_cipher_kind_from_name(std::string_view n) {
  return from_name<K>(kKinds, n);
}
std::optional<Ssl2CipherKind> known_ssl2_cipher_kind(uint32_t wire) {
  return from_value<K>(kKinds, wire);
}

}  // namespace gauntlet
