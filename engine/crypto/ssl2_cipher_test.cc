// SSL 2.0 bulk ciphers against libcrypto EVP driven directly: the state
// chains across calls, RC2 keeps its whole 128-bit key, IDEA is reported
// when this libcrypto lacks it, and the legacy provider comes only when asked.
#include "engine/crypto/ssl2_cipher.h"

#include <gtest/gtest.h>

#include <iostream>

#include <openssl/evp.h>
#include <openssl/provider.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

Bytes key_of(size_t size) {
  Bytes k(size);
  for (size_t i = 0; i < size; ++i) k[i] = static_cast<uint8_t>(0x11 * (i + 1));
  return k;
}

// One EVP pass over the whole input, as the reference.
Bytes evp_encrypt(const char* name, ByteView key, ByteView iv, ByteView in, int rc2_bits = 0) {
  EvpCipherPtr cipher(EVP_CIPHER_fetch(nullptr, name, nullptr));
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  EXPECT_TRUE(cipher && ctx);
  if (!cipher || !ctx) return {};
  EXPECT_EQ(EVP_EncryptInit_ex2(ctx.get(), cipher.get(), nullptr, nullptr, nullptr), 1);
  if (rc2_bits != 0) {
    EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_SET_RC2_KEY_BITS, rc2_bits, nullptr), 1);
  }
  EXPECT_EQ(EVP_EncryptInit_ex2(ctx.get(), nullptr, key.data(), iv.empty() ? nullptr : iv.data(),
                                nullptr),
            1);
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  Bytes out(in.size());
  int len = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx.get(), out.data(), &len, in.data(), static_cast<int>(in.size())),
            1);
  return out;
}

// First in this file, so that nothing has loaded the provider yet.
TEST(Ssl2Cipher, LegacyProviderIsLoadedOnlyWhenAsked) {
  EXPECT_EQ(OSSL_PROVIDER_available(nullptr, "legacy"), 0);
  auto c = Ssl2Cipher::create(Ssl2CipherKind::des_64_cbc_with_md5, key_of(8), key_of(8),
                              CipherDirection::encrypt);
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(OSSL_PROVIDER_available(nullptr, "legacy"), 1);
}

// Two calls chain as one pass: SSL 2.0 never resets the CBC state or the
// RC4 keystream between records. Decryption undoes it.
TEST(Ssl2Cipher, EveryKindMatchesEvpAcrossCalls) {
  const Bytes plain = hex("00112233445566778899aabbccddeeff 0123456789abcdef fedcba9876543210");
  for (const Ssl2CipherKindInfo& info : all_ssl2_cipher_kinds()) {
    SCOPED_TRACE(iana_name(info.kind));
    if (!ssl2_cipher_available(info.kind)) {
      std::cout << iana_name(info.kind) << ": not in this libcrypto\n";
      continue;
    }
    const Bytes key = key_of(info.key_size), iv = key_of(info.key_arg_size);
    auto enc = Ssl2Cipher::create(info.kind, key, iv, CipherDirection::encrypt);
    auto dec = Ssl2Cipher::create(info.kind, key, iv, CipherDirection::decrypt);
    ASSERT_TRUE(enc.ok() && dec.ok());
    EXPECT_EQ(enc->block_size(), info.block_size);
    Bytes out = plain;
    const std::span<uint8_t> whole(out);
    ASSERT_TRUE(enc->process(whole.first(16), whole.first(16)).ok());
    ASSERT_TRUE(enc->process(whole.subspan(16), whole.subspan(16)).ok());
    const int rc2_bits = info.cipher == Ssl2BulkCipher::rc2_cbc ? 128 : 0;
    EXPECT_EQ(out, evp_encrypt(ssl2_evp_name(info.cipher), key, iv, plain, rc2_bits));
    ASSERT_TRUE(dec->process(out, out).ok());
    EXPECT_EQ(out, plain);
  }
}

// OpenSSL's RC2 effective key length is a parameter apart from the key's
// length; the export kind still runs RC2 with all 128 bits (its 40-bit limit
// is on the master key), unlike the 40-bit RC2 of TLS export suites.
TEST(Ssl2Cipher, Rc2ExportUsesTheWhole128BitKey) {
  const Bytes key = key_of(16), iv = key_of(8), plain(16, 0x5a);
  auto enc = Ssl2Cipher::create(Ssl2CipherKind::rc2_128_cbc_export40_with_md5, key, iv,
                                CipherDirection::encrypt);
  ASSERT_TRUE(enc.ok()) << enc.error().to_string();
  Bytes out = plain;
  ASSERT_TRUE(enc->process(out, out).ok());
  EXPECT_EQ(out, evp_encrypt("RC2-CBC", key, iv, plain, 128));
  EXPECT_NE(out, evp_encrypt("RC2-CBC", key, iv, plain, 40));
}

TEST(Ssl2Cipher, IdeaIsCreatedExactlyWhenLibcryptoHasIt) {
  auto idea = Ssl2Cipher::create(Ssl2CipherKind::idea_128_cbc_with_md5, key_of(16), key_of(8),
                                 CipherDirection::encrypt);
  EXPECT_EQ(idea.ok(), ssl2_cipher_available(Ssl2CipherKind::idea_128_cbc_with_md5));
  if (!idea.ok()) std::cout << "IDEA: " << idea.error().to_string() << "\n";
}

TEST(Ssl2Cipher, WrongSizesAndPartialBlocksAreRefused) {
  using K = Ssl2CipherKind;
  const auto enc = CipherDirection::encrypt;
  EXPECT_FALSE(Ssl2Cipher::create(K::rc4_128_with_md5, key_of(15), {}, enc).ok());
  EXPECT_FALSE(Ssl2Cipher::create(K::rc4_128_with_md5, key_of(16), key_of(8), enc).ok());
  EXPECT_FALSE(Ssl2Cipher::create(K::des_192_ede3_cbc_with_md5, key_of(24), {}, enc).ok());
  EXPECT_FALSE(Ssl2Cipher::create(static_cast<K>(0x080080), key_of(16), {}, enc).ok());
  EXPECT_FALSE(ssl2_cipher_available(static_cast<K>(0x080080)));
  auto des = Ssl2Cipher::create(K::des_64_cbc_with_md5, key_of(8), key_of(8), enc);
  ASSERT_TRUE(des.ok());
  Bytes seven(7);
  EXPECT_FALSE(des->process(seven, seven).ok());
}

}  // namespace
}  // namespace gauntlet
