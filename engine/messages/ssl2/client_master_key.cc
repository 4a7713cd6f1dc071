#include "engine/messages/ssl2/client_master_key.h"

#include "engine/messages/ssl2/ssl2_codec.h"

namespace gauntlet {

Result<Ssl2ClientMasterKey> Ssl2ClientMasterKey::parse(ByteView message) {
  Reader r(message);
  if (Status s = read_ssl2_type(r, Ssl2MessageType::client_master_key); !s) return s.error();
  uint32_t kind;
  uint16_t clear_length, encrypted_length, arg_length;
  if (!r.u24(kind) || !r.u16(clear_length) || !r.u16(encrypted_length) || !r.u16(arg_length)) {
    return truncated("CLIENT-MASTER-KEY");
  }
  Ssl2ClientMasterKey m{static_cast<Ssl2CipherKind>(kind), {}, {}, {}};
  if (!r.bytes(clear_length, m.clear_key) || !r.bytes(encrypted_length, m.encrypted_key) ||
      !r.bytes(arg_length, m.key_arg)) {
    return truncated("CLIENT-MASTER-KEY");
  }
  if (Status s = expect_end(r, "CLIENT-MASTER-KEY"); !s) return s.error();
  return m;
}

Result<Bytes> Ssl2ClientMasterKey::serialize() const {
  Writer w;
  w.u8(static_cast<uint8_t>(Ssl2MessageType::client_master_key));
  w.u24(static_cast<uint32_t>(cipher_kind));
  w.u16(static_cast<uint16_t>(clear_key.size()));
  w.u16(static_cast<uint16_t>(encrypted_key.size()));
  w.u16(static_cast<uint16_t>(key_arg.size()));
  w.bytes(clear_key);
  w.bytes(encrypted_key);
  w.bytes(key_arg);
  return finish(w, "CLIENT-MASTER-KEY");
}

}  // namespace gauntlet
