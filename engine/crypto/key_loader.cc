// The private-key parser of keys.h: PEM or DER, through OpenSSL's decoders.
#include "engine/crypto/keys.h"

#include <openssl/decoder.h>
#include <openssl/evp.h>

namespace gauntlet {

Result<PrivateKey> load_private_key(ByteView pem_or_der) {
  EVP_PKEY* key = nullptr;
  OsslDecoderCtxPtr ctx(OSSL_DECODER_CTX_new_for_pkey(&key, nullptr, nullptr, nullptr,
                                                     EVP_PKEY_KEYPAIR, nullptr, nullptr));
  const unsigned char* data = pem_or_der.data();
  size_t len = pem_or_der.size();
  if (!ctx || OSSL_DECODER_from_data(ctx.get(), &data, &len) != 1 || key == nullptr) {
    return decode_error("not a private key in PEM or DER: " + openssl_error_string());
  }
  return PrivateKey(EvpPkeyPtr(key));
}

}  // namespace gauntlet
