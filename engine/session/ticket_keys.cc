#include "engine/session/ticket_keys.h"

#include <openssl/crypto.h>

#include <algorithm>

#include "engine/base/writer.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/hmac.h"

namespace gauntlet {

namespace {

constexpr size_t kNameSize = 16;
constexpr size_t kIvSize = 16;
constexpr size_t kMacSize = 32;
constexpr CipherAlgorithm kCipher = CipherAlgorithm::aes_128_cbc;

Bytes pkcs7_pad(ByteView in, size_t block) {
  Bytes out(in.begin(), in.end());
  const size_t pad = block - in.size() % block;
  out.insert(out.end(), pad, static_cast<uint8_t>(pad));
  return out;
}

// The state is authenticated before it is decrypted, so padding errors here
// cannot serve as an oracle.
std::optional<Bytes> pkcs7_unpad(Bytes in, size_t block) {
  if (in.empty() || in.size() % block != 0) return std::nullopt;
  const size_t pad = in.back();
  if (pad == 0 || pad > block) return std::nullopt;
  for (size_t i = in.size() - pad; i < in.size(); ++i)
    if (in[i] != pad) return std::nullopt;
  in.resize(in.size() - pad);
  return in;
}

}  // namespace

TicketKey TicketKey::generate(RandomSource& random) {
  return {random.bytes(kNameSize), random.bytes(cipher_key_size(kCipher)), random.bytes(kMacSize)};
}

TicketKeys::TicketKeys(TicketKey first, size_t keep) : keep_(keep < 1 ? 1 : keep) {
  keys_.push_back(std::move(first));
}

void TicketKeys::rotate(TicketKey next) {
  std::lock_guard lock(mu_);
  keys_.push_front(std::move(next));
  while (keys_.size() > keep_) keys_.pop_back();
}

Result<Bytes> TicketKeys::seal(const Session& session, RandomSource& random) const {
  TicketKey key;
  {
    std::lock_guard lock(mu_);
    key = keys_.front();
  }
  const Bytes iv = random.bytes(kIvSize);
  Bytes state = pkcs7_pad(session.serialize_state(), cipher_block_size(kCipher));
  auto cbc = CbcCipher::create(kCipher, key.aes_key, iv, CipherDirection::encrypt);
  if (!cbc) return cbc.error();
  if (auto st = cbc->process(state, state); !st) return st.error();

  Writer w;
  w.bytes(key.name);
  w.bytes(iv);
  w.vec16(state);
  if (!w.ok()) return internal_error("session ticket: state too long");
  Bytes ticket = w.take();
  const Bytes mac = hmac(HashAlgorithm::sha256, key.hmac_key, ticket);
  ticket.insert(ticket.end(), mac.begin(), mac.end());
  return ticket;
}

std::optional<TicketKeys::Opened> TicketKeys::open(ByteView ticket) const {
  Reader r(ticket);
  ByteView name, iv, mac;
  Bytes state;
  if (!r.bytes(kNameSize, name) || !r.bytes(kIvSize, iv) || !r.vec16(state) ||
      !r.bytes(kMacSize, mac) || !r.empty()) {
    return std::nullopt;
  }
  std::optional<TicketKey> key;
  bool older_key = false;
  {
    std::lock_guard lock(mu_);
    for (const TicketKey& k : keys_)
      if (std::ranges::equal(k.name, name)) {
        key = k;
        older_key = &k != &keys_.front();
      }
  }
  if (!key) return std::nullopt;
  const Bytes expected = hmac(HashAlgorithm::sha256, key->hmac_key,
                              ticket.first(ticket.size() - kMacSize));
  if (CRYPTO_memcmp(expected.data(), mac.data(), kMacSize) != 0) return std::nullopt;

  auto cbc = CbcCipher::create(kCipher, key->aes_key, iv, CipherDirection::decrypt);
  if (!cbc || state.size() % cbc->block_size() != 0) return std::nullopt;
  if (!cbc->process(state, state)) return std::nullopt;
  auto plain = pkcs7_unpad(std::move(state), cbc->block_size());
  if (!plain) return std::nullopt;
  auto session = Session::parse_state(*plain);
  if (!session) return std::nullopt;
  return Opened{std::move(session).value(), older_key};
}

}  // namespace gauntlet
