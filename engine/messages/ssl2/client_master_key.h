// SSL 2.0 CLIENT-MASTER-KEY (SSL 2.0 spec §2.5): the chosen cipher kind,
// then the lengths and bodies of the clear key, encrypted key and key
// argument (the IV of block ciphers).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

struct Ssl2ClientMasterKey {
  Ssl2CipherKind cipher_kind;
  Bytes clear_key;
  Bytes encrypted_key;
  Bytes key_arg;

  static Result<Ssl2ClientMasterKey> parse(ByteView message);
  Result<Bytes> serialize() const;
  bool operator==(const Ssl2ClientMasterKey&) const = default;
};

}  // namespace gauntlet
