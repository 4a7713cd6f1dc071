// SSL 2.0 cipher kinds: 3-byte CIPHER-SPECS entries (SSL 2.0 spec,
// appendix A.3). In an SSLv2-compatible ClientHello a kind whose first byte
// is zero is a TLS cipher suite (RFC 5246 appendix E.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class Ssl2CipherKind : uint32_t {
  rc4_128_with_md5 = 0x010080,
  rc4_128_export40_with_md5 = 0x020080,
  rc2_128_cbc_with_md5 = 0x030080,
  rc2_128_cbc_export40_with_md5 = 0x040080,
  idea_128_cbc_with_md5 = 0x050080,
  des_64_cbc_with_md5 = 0x060040,
  des_192_ede3_cbc_with_md5 = 0x0700c0,
};

// "SSL_CK_RC4_128_WITH_MD5"
std::string iana_name(Ssl2CipherKind v);
// "RC4-MD5" as OpenSSL 1.0 named the SSLv2 ciphers.
std::string openssl_name(Ssl2CipherKind v);
std::optional<Ssl2CipherKind> ssl2_cipher_kind_from_name(std::string_view name);
std::optional<Ssl2CipherKind> known_ssl2_cipher_kind(uint32_t wire);

}  // namespace gauntlet
