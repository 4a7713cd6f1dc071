// Session ticket decryption (RFC 5077 §4 layout) under a fixed key. The
// selector byte says how much of the ticket the input is, so the fuzzer gets
// past the HMAC without forging it:
//   0  the whole ticket, as a client would send it;
//   1  the encrypted state, which the target wraps in the key name, a zero
//      IV and a valid HMAC (reaches decryption and the padding check);
//   2  the padded state in the clear, which the target encrypts and MACs
//      (reaches the padding and the state parser); an input that is not
//      whole blocks gets valid PKCS#7 padding added.
// Oracle: an opened session seals and opens again to an equal session.
#include "engine/base/writer.h"
#include "engine/crypto/cipher.h"
#include "engine/crypto/hmac.h"
#include "fuzz/crypto/fixed_keys.h"
#include "fuzz/oracle.h"

namespace {

using namespace gauntlet;

constexpr size_t kBlock = 16;

Bytes wrap(const TicketKey& key, ByteView encrypted_state) {
  Writer w;
  w.bytes(key.name);
  w.bytes(Bytes(kBlock, 0));
  w.vec16(encrypted_state);
  Bytes ticket = w.take();
  const Bytes mac = hmac(HashAlgorithm::sha256, key.hmac_key, ticket);
  ticket.insert(ticket.end(), mac.begin(), mac.end());
  return ticket;
}

Bytes encrypt(const TicketKey& key, ByteView state) {
  Bytes padded(state.begin(), state.end());
  if (padded.size() % kBlock != 0 || padded.empty()) {
    const size_t pad = kBlock - padded.size() % kBlock;
    padded.insert(padded.end(), pad, static_cast<uint8_t>(pad));
  }
  auto cbc = CbcCipher::create(CipherAlgorithm::aes_128_cbc, key.aes_key, Bytes(kBlock, 0),
                               CipherDirection::encrypt);
  if (!cbc || !cbc->process(padded, padded)) fuzz::oracle_failed();
  return padded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Selected in;
  if (!fuzz::select(data, size, in) || in.rest.size() > 0xffff - kBlock) return 0;
  const TicketKey key = fuzzing::fixed_ticket_key();
  const TicketKeys keys(key);
  Bytes ticket;
  switch (in.selector % 3) {
    case 0:
      ticket.assign(in.rest.begin(), in.rest.end());
      break;
    case 1:
      ticket = wrap(key, in.rest);
      break;
    default:
      ticket = wrap(key, encrypt(key, in.rest));
      break;
  }
  const auto opened = keys.open(ticket);
  if (!opened) return 0;
  DeterministicRandom random(0);
  auto resealed = keys.seal(opened->session, random);
  if (!resealed) fuzz::oracle_failed();
  const auto reopened = keys.open(*resealed);
  if (!reopened || !(reopened->session == opened->session)) fuzz::oracle_failed();
  return 0;
}
