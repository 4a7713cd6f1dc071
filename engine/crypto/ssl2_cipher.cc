#include "engine/crypto/ssl2_cipher.h"

#include <string>
#include <utility>

#include <openssl/err.h>
#include <openssl/evp.h>

namespace gauntlet {
namespace {

// Fetched per cipher, not cached: the legacy provider must outlive whatever
// is fetched from it, and SSL 2.0 is too rare to be worth that care.
Result<EvpCipherPtr> fetch(const Ssl2CipherKindInfo& info) {
  if (Status s = load_legacy_provider(); !s) return s.error();
  EvpCipherPtr cipher(EVP_CIPHER_fetch(nullptr, ssl2_evp_name(info.cipher), nullptr));
  if (!cipher) {
    const std::string detail = openssl_error_string();
    return internal_error(std::string(ssl2_evp_name(info.cipher)) +
                          " not in this libcrypto: " + detail);
  }
  return cipher;
}

int enc_flag(CipherDirection dir) { return dir == CipherDirection::encrypt ? 1 : 0; }

}  // namespace

Result<Ssl2Cipher> Ssl2Cipher::create(Ssl2CipherKind kind, ByteView key, ByteView key_arg,
                                      CipherDirection dir) {
  const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(kind);
  if (!info) return internal_error("unknown SSL 2.0 cipher kind");
  if (key.size() != info->key_size || key_arg.size() != info->key_arg_size) {
    return internal_error(iana_name(kind) + ": wrong key or KEY-ARG size");
  }
  Result<EvpCipherPtr> cipher = fetch(*info);
  if (!cipher) return cipher.error();
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  const uint8_t* iv = key_arg.empty() ? nullptr : key_arg.data();
  bool ok = ctx && EVP_CipherInit_ex2(ctx.get(), cipher->get(), nullptr, nullptr, enc_flag(dir),
                                      nullptr) == 1;
  // RC2's effective key length is a parameter of its own. SSL 2.0 uses the
  // whole 128-bit session key even for the export kind, whose 40-bit limit
  // is on the master key's secret bytes (spec §2.6), so set 128 before the
  // key schedule is built, as OpenSSL's SSLv2 did with EVP_rc2_cbc().
  if (ok && info->cipher == Ssl2BulkCipher::rc2_cbc) {
    ok = EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_SET_RC2_KEY_BITS,
                             static_cast<int>(info->key_size * 8), nullptr) == 1;
  }
  ok = ok && EVP_CIPHER_CTX_get_key_length(ctx.get()) == static_cast<int>(key.size()) &&
       EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), iv, enc_flag(dir), nullptr) == 1 &&
       EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1;
  if (!ok) return internal_error(iana_name(kind) + " init: " + openssl_error_string());
  return Ssl2Cipher(std::move(ctx), info->block_size);
}

Status Ssl2Cipher::process(ByteView in, std::span<uint8_t> out) {
  if (in.size() % block_size_ != 0) return internal_error("SSLv2 cipher input not whole blocks");
  if (out.size() != in.size()) return internal_error("SSLv2 cipher output size differs");
  if (in.empty()) return ok_status();
  int len = 0;
  if (EVP_CipherUpdate(ctx_.get(), out.data(), &len, in.data(), static_cast<int>(in.size())) != 1 ||
      static_cast<size_t>(len) != in.size()) {
    return internal_error("SSLv2 cipher update: " + openssl_error_string());
  }
  return ok_status();
}

const char* ssl2_evp_name(Ssl2BulkCipher c) {
  switch (c) {
    case Ssl2BulkCipher::rc4:
      return "RC4";
    case Ssl2BulkCipher::rc2_cbc:
      return "RC2-CBC";
    case Ssl2BulkCipher::idea_cbc:
      return "IDEA-CBC";
    case Ssl2BulkCipher::des_cbc:
      return "DES-CBC";
    case Ssl2BulkCipher::des_ede3_cbc:
      return "DES-EDE3-CBC";
  }
  return "";
}

bool ssl2_cipher_available(Ssl2CipherKind kind) {
  const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(kind);
  if (!info) return false;
  const bool found = fetch(*info).ok();
  ERR_clear_error();
  return found;
}

}  // namespace gauntlet
