// SSL 2.0 cipher kinds: 3-byte CIPHER-SPECS entries (SSL 2.0 spec,
// appendix A.3). In an SSLv2-compatible ClientHello a kind whose first byte
// is zero is a TLS cipher suite (RFC 5246 appendix E.2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
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

// The bulk cipher a kind names; every kind MACs with MD5 (SSL 2.0 spec §2.6).
enum class Ssl2BulkCipher { rc4, rc2_cbc, idea_cbc, des_cbc, des_ede3_cbc };

// What the key exchange and the record layer need of a kind (SSL 2.0 spec
// §2.5, CLIENT-MASTER-KEY): the master key is as long as each session key,
// and an export kind sends all but 5 of its bytes as CLEAR-KEY-DATA.
struct Ssl2CipherKindInfo {
  Ssl2CipherKind kind;
  Ssl2BulkCipher cipher;
  size_t key_size;        // master key and each session key, in bytes
  size_t clear_key_size;  // 0 for every kind that is not export40
  size_t block_size;      // 1 for RC4
  size_t key_arg_size;    // KEY-ARG-DATA, the CBC IV: 8 for block kinds, else 0

  bool export40() const { return clear_key_size != 0; }
  bool operator==(const Ssl2CipherKindInfo&) const = default;
};

std::span<const Ssl2CipherKindInfo> all_ssl2_cipher_kinds();
// nullptr for a kind we do not know.
const Ssl2CipherKindInfo* ssl2_cipher_kind_info(Ssl2CipherKind kind);

// "SSL_CK_RC4_128_WITH_MD5"
std::string iana_name(Ssl2CipherKind v);
// "RC4-MD5" as OpenSSL 1.0 named the SSLv2 ciphers.
std::string openssl_name(Ssl2CipherKind v);
std::optional<Ssl2CipherKind> ssl2_cipher_kind_from_name(std::string_view name);
std::optional<Ssl2CipherKind> known_ssl2_cipher_kind(uint32_t wire);

}  // namespace gauntlet
