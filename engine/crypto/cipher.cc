#include "engine/crypto/cipher.h"

#include <array>
#include <cstdlib>
#include <mutex>
#include <string>
#include <utility>

#include <openssl/crypto.h>
#include <openssl/err.h>

namespace gauntlet {

namespace {

constexpr size_t kAeadNonceSize = 12;

Error openssl_failure(std::string what) {
  return internal_error(what + ": " + openssl_error_string());
}

Result<EvpCipherPtr> fetch_uncached(CipherAlgorithm c) {
  const std::string name(cipher_name(c));
  EvpCipherPtr cipher(EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr));
  if (!cipher) return openssl_failure("EVP_CIPHER_fetch " + name);
  return cipher;
}

// CBC and AEAD ciphers are fetched once per algorithm for the life of the
// process: EVP_CIPHER_fetch is a name lookup under OpenSSL's locks, and every
// connection makes two ciphers per handshake (libssl keeps its fetched
// ciphers in the SSL_CTX for the same reason). Not RC4: it comes from the
// legacy provider, which must outlive every cipher fetched from it, and is
// too rare to be worth the care. OpenSSL is initialised first so that these
// are freed before its exit handler runs.
Result<const EVP_CIPHER*> fetch(CipherAlgorithm c) {
  struct Slot {
    std::once_flag once;
    Result<EvpCipherPtr> cipher = internal_error("not fetched");
  };
  static const bool initialised = OPENSSL_init_crypto(0, nullptr) == 1;
  static std::array<Slot, 10> slots;
  (void)initialised;
  const auto i = static_cast<size_t>(c);
  if (i >= slots.size() || cipher_kind(c) == CipherKind::stream) {
    return internal_error("no cached fetch for this cipher");
  }
  Slot& slot = slots[i];
  std::call_once(slot.once, [&] { slot.cipher = fetch_uncached(c); });
  if (!slot.cipher) return slot.cipher.error();
  return slot.cipher->get();
}

int enc_flag(CipherDirection dir) { return dir == CipherDirection::encrypt ? 1 : 0; }

// EVP_CipherUpdate over whole spans; in and out may alias exactly.
bool update(EVP_CIPHER_CTX* ctx, ByteView in, std::span<uint8_t> out) {
  if (in.empty()) return true;
  int len = 0;
  return EVP_CipherUpdate(ctx, out.data(), &len, in.data(), static_cast<int>(in.size())) == 1 &&
         static_cast<size_t>(len) == in.size();
}

// CCM: the whole message length, before any additional data.
bool announce_length(EVP_CIPHER_CTX* ctx, size_t length) {
  int len = 0;
  return EVP_CipherUpdate(ctx, nullptr, &len, nullptr, static_cast<int>(length)) == 1;
}

// CCM: the body in exactly one call, even when empty, since that call is
// what computes (sealing) or checks (opening) the tag.
bool ccm_body(EVP_CIPHER_CTX* ctx, ByteView in, std::span<uint8_t> out) {
  uint8_t none = 0;
  int len = 0;
  return EVP_CipherUpdate(ctx, out.empty() ? &none : out.data(), &len,
                          in.empty() ? &none : in.data(), static_cast<int>(in.size())) == 1 &&
         static_cast<size_t>(len) == in.size();
}

bool update_aad(EVP_CIPHER_CTX* ctx, ByteView aad) {
  if (aad.empty()) return true;
  int len = 0;
  return EVP_CipherUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())) == 1;
}

// A keyed AEAD context. CCM's nonce (OpenSSL's default is 7 bytes) and tag
// length are fixed before its key.
Result<EvpCipherCtxPtr> aead_context(const EVP_CIPHER* cipher, ByteView key, bool ccm,
                                     size_t tag_size, CipherDirection dir) {
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  const int enc = enc_flag(dir);
  if (!ctx || EVP_CipherInit_ex2(ctx.get(), cipher, nullptr, nullptr, enc, nullptr) != 1 ||
      (ccm &&
       (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, kAeadNonceSize, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_size),
                            nullptr) != 1)) ||
      EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), nullptr, enc, nullptr) != 1) {
    return openssl_failure(std::string(EVP_CIPHER_get0_name(cipher)) + " init");
  }
  return ctx;
}

Status check_key(CipherAlgorithm c, CipherKind kind, ByteView key) {
  if (cipher_kind(c) != kind) {
    return internal_error(std::string(cipher_name(c)) + ": wrong cipher kind");
  }
  if (key.size() != cipher_key_size(c)) {
    return internal_error(std::string(cipher_name(c)) + ": wrong key size");
  }
  return ok_status();
}

}  // namespace

CipherKind cipher_kind(CipherAlgorithm c) {
  switch (c) {
    case CipherAlgorithm::null:
      return CipherKind::null;
    case CipherAlgorithm::rc4_128:
      return CipherKind::stream;
    case CipherAlgorithm::des_ede3_cbc:
    case CipherAlgorithm::aes_128_cbc:
    case CipherAlgorithm::aes_256_cbc:
      return CipherKind::block;
    case CipherAlgorithm::aes_128_gcm:
    case CipherAlgorithm::aes_256_gcm:
    case CipherAlgorithm::chacha20_poly1305:
    case CipherAlgorithm::aes_128_ccm:
    case CipherAlgorithm::aes_128_ccm_8:
      return CipherKind::aead;
  }
  return CipherKind::null;
}

std::string_view cipher_name(CipherAlgorithm c) {
  switch (c) {
    case CipherAlgorithm::null:
      return "NULL";
    case CipherAlgorithm::rc4_128:
      return "RC4";
    case CipherAlgorithm::des_ede3_cbc:
      return "DES-EDE3-CBC";
    case CipherAlgorithm::aes_128_cbc:
      return "AES-128-CBC";
    case CipherAlgorithm::aes_256_cbc:
      return "AES-256-CBC";
    case CipherAlgorithm::aes_128_gcm:
      return "AES-128-GCM";
    case CipherAlgorithm::aes_256_gcm:
      return "AES-256-GCM";
    case CipherAlgorithm::chacha20_poly1305:
      return "ChaCha20-Poly1305";
    // CCM-8 is the same cipher with its tag length set shorter.
    case CipherAlgorithm::aes_128_ccm:
    case CipherAlgorithm::aes_128_ccm_8:
      return "AES-128-CCM";
  }
  return "";
}

size_t cipher_key_size(CipherAlgorithm c) {
  switch (c) {
    case CipherAlgorithm::null:
      return 0;
    case CipherAlgorithm::rc4_128:
    case CipherAlgorithm::aes_128_cbc:
    case CipherAlgorithm::aes_128_gcm:
    case CipherAlgorithm::aes_128_ccm:
    case CipherAlgorithm::aes_128_ccm_8:
      return 16;
    case CipherAlgorithm::des_ede3_cbc:
      return 24;
    case CipherAlgorithm::aes_256_cbc:
    case CipherAlgorithm::aes_256_gcm:
    case CipherAlgorithm::chacha20_poly1305:
      return 32;
  }
  return 0;
}

size_t cipher_block_size(CipherAlgorithm c) {
  switch (c) {
    case CipherAlgorithm::des_ede3_cbc:
      return 8;
    case CipherAlgorithm::aes_128_cbc:
    case CipherAlgorithm::aes_256_cbc:
      return 16;
    default:
      return 1;
  }
}

size_t cipher_fixed_iv_size(CipherAlgorithm c) {
  switch (cipher_kind(c)) {
    case CipherKind::block:
      return cipher_block_size(c);
    case CipherKind::aead:
      return c == CipherAlgorithm::chacha20_poly1305 ? 12 : 4;
    default:
      return 0;
  }
}

size_t aead_tag_size(CipherAlgorithm c) {
  return c == CipherAlgorithm::aes_128_ccm_8 ? 8 : kAeadTagSize;
}

Status load_legacy_provider() {
  static std::once_flag once;
  static Status status = ok_status();
  std::call_once(once, [] {
    // Loading any provider explicitly stops OpenSSL auto-loading the default
    // one, so load both.
    OsslProviderPtr legacy(OSSL_PROVIDER_load(nullptr, "legacy"));
    OsslProviderPtr fallback(OSSL_PROVIDER_load(nullptr, "default"));
    if (!legacy || !fallback) {
      status = openssl_failure("OSSL_PROVIDER_load");
      return;
    }
    // Kept for the life of the process. Created after OpenSSL registered its
    // own exit handler, so they are unloaded before OPENSSL_cleanup runs.
    static const std::pair<OsslProviderPtr, OsslProviderPtr> loaded(std::move(legacy),
                                                                    std::move(fallback));
  });
  return status;
}

Result<StreamCipher> StreamCipher::create(CipherAlgorithm c, ByteView key, CipherDirection dir) {
  if (cipher_kind(c) != CipherKind::stream) return internal_error("not a stream cipher");
  // RC4 accepts any key length; the suites use 16 bytes, test vectors others.
  if (key.empty() || key.size() > 256) return internal_error("RC4: bad key size");
  if (Status s = load_legacy_provider(); !s) return s.error();
  Result<EvpCipherPtr> cipher = fetch_uncached(c);
  if (!cipher) return cipher.error();
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx ||
      EVP_CipherInit_ex2(ctx.get(), cipher->get(), nullptr, nullptr, enc_flag(dir), nullptr) != 1 ||
      EVP_CIPHER_CTX_set_key_length(ctx.get(), static_cast<int>(key.size())) != 1 ||
      EVP_CipherInit_ex2(ctx.get(), nullptr, key.data(), nullptr, enc_flag(dir), nullptr) != 1) {
    return openssl_failure("RC4 init");
  }
  return StreamCipher(std::move(ctx));
}

void StreamCipher::process(ByteView in, std::span<uint8_t> out) {
  // A size mismatch is a caller bug; writing past out would be worse.
  if (out.size() != in.size()) std::abort();
  update(ctx_.get(), in, out);
}

Result<CbcCipher> CbcCipher::create(CipherAlgorithm c, ByteView key, ByteView iv,
                                    CipherDirection dir) {
  if (Status s = check_key(c, CipherKind::block, key); !s) return s.error();
  size_t bs = cipher_block_size(c);
  if (iv.size() != bs) return internal_error(std::string(cipher_name(c)) + ": wrong IV size");
  Result<const EVP_CIPHER*> cipher = fetch(c);
  if (!cipher) return cipher.error();
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx ||
      EVP_CipherInit_ex2(ctx.get(), *cipher, key.data(), iv.data(), enc_flag(dir), nullptr) !=
          1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1) {
    return openssl_failure(std::string(cipher_name(c)) + " init");
  }
  return CbcCipher(std::move(ctx), bs);
}

void CbcCipher::set_iv(ByteView iv) {
  // OpenSSL reads a whole block from iv; a short one is a caller bug.
  if (iv.size() != block_size_) std::abort();
  // A null key keeps the schedule; -1 keeps the direction.
  EVP_CipherInit_ex2(ctx_.get(), nullptr, nullptr, iv.data(), -1, nullptr);
  EVP_CIPHER_CTX_set_padding(ctx_.get(), 0);
}

Status CbcCipher::process(ByteView in, std::span<uint8_t> out) {
  if (in.size() % block_size_ != 0) return internal_error("CBC input not a whole number of blocks");
  if (out.size() != in.size()) return internal_error("CBC output size differs from input");
  if (!update(ctx_.get(), in, out)) return openssl_failure("CBC update");
  return ok_status();
}

Result<AeadCipher> AeadCipher::create(CipherAlgorithm c, ByteView key) {
  if (Status s = check_key(c, CipherKind::aead, key); !s) return s.error();
  Result<const EVP_CIPHER*> cipher = fetch(c);
  if (!cipher) return cipher.error();
  const bool ccm = c == CipherAlgorithm::aes_128_ccm || c == CipherAlgorithm::aes_128_ccm_8;
  const size_t tag_size = aead_tag_size(c);
  auto ctx = aead_context(*cipher, key, ccm, tag_size, CipherDirection::encrypt);
  if (!ctx) return ctx.error();
  EvpCipherCtxPtr open_ctx;
  if (ccm) {
    auto opening = aead_context(*cipher, key, ccm, tag_size, CipherDirection::decrypt);
    if (!opening) return opening.error();
    open_ctx = std::move(*opening);
  }
  return AeadCipher(std::move(*ctx), std::move(open_ctx), tag_size, ccm);
}

Result<Bytes> AeadCipher::seal(ByteView nonce, ByteView aad, ByteView plaintext) {
  Bytes out(plaintext.size() + tag_size_);
  if (Status s = seal_into(nonce, aad, plaintext, out); !s) return s.error();
  return out;
}

Status AeadCipher::seal_into(ByteView nonce, ByteView aad, ByteView plaintext,
                             std::span<uint8_t> out) {
  if (nonce.size() != kAeadNonceSize) return internal_error("AEAD nonce must be 12 bytes");
  if (out.size() != plaintext.size() + tag_size_) {
    return internal_error("AEAD output must be the plaintext and the tag");
  }
  std::span<uint8_t> body = out.first(plaintext.size());
  std::span<uint8_t> tag = out.last(tag_size_);
  int len = 0;
  if (EVP_CipherInit_ex2(ctx_.get(), nullptr, nullptr, nonce.data(), 1, nullptr) != 1 ||
      (ccm_ && !announce_length(ctx_.get(), plaintext.size())) || !update_aad(ctx_.get(), aad) ||
      !(ccm_ ? ccm_body(ctx_.get(), plaintext, body) : update(ctx_.get(), plaintext, body)) ||
      EVP_CipherFinal_ex(ctx_.get(), tag.data(), &len) != 1 || len != 0 ||
      EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(tag_size_),
                          tag.data()) != 1) {
    return openssl_failure("AEAD seal");
  }
  return ok_status();
}

Result<Bytes> AeadCipher::open(ByteView nonce, ByteView aad, ByteView ciphertext_and_tag) {
  if (nonce.size() != kAeadNonceSize) return internal_error("AEAD nonce must be 12 bytes");
  if (ciphertext_and_tag.size() < tag_size_) {
    return Error{AlertDescription::bad_record_mac, "AEAD record shorter than its tag"};
  }
  ByteView body = ciphertext_and_tag.first(ciphertext_and_tag.size() - tag_size_);
  std::array<uint8_t, kAeadTagSize> tag;
  std::ranges::copy(ciphertext_and_tag.last(tag_size_), tag.begin());
  Bytes out(body.size());
  std::array<uint8_t, 16> final_block;
  int len = 0;
  if (EVP_CipherInit_ex2(opener(), nullptr, nullptr, nonce.data(), 0, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(opener(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_size_),
                          tag.data()) != 1 ||
      (ccm_ && !announce_length(opener(), body.size())) || !update_aad(opener(), aad)) {
    return openssl_failure("AEAD open");
  }
  // CCM checks the tag in its one update and has no final step; the others
  // check it in the final step.
  const bool body_ok = ccm_ ? ccm_body(opener(), body, out) : update(opener(), body, out);
  if (!body_ok && !ccm_) return openssl_failure("AEAD open");
  if (!body_ok || (!ccm_ && EVP_CipherFinal_ex(opener(), final_block.data(), &len) != 1)) {
    // Never hand back unauthenticated plaintext, not even in memory we free.
    OPENSSL_cleanse(out.data(), out.size());
    ERR_clear_error();
    return Error{AlertDescription::bad_record_mac, "AEAD tag mismatch"};
  }
  return out;
}

}  // namespace gauntlet
