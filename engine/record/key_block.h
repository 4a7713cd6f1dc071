// Partitioning the key block (RFC 5246 §6.3; RFC 6101 §6.2.2): client and
// server MAC keys, then keys, then IVs. IVs come last, so generating them for
// TLS 1.1+ CBC (which ignores them, as OpenSSL does) does not move the keys.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/crypto/algorithm_ids.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct KeyBlockLayout {
  size_t mac_key;
  size_t key;
  size_t iv;

  size_t length() const { return 2 * (mac_key + key + iv); }
};

// The sizes a suite's cipher and MAC need in this version. TLS 1.1+ CBC
// suites get no IV (RFC 4346 §6.3: the IV is explicit per record).
KeyBlockLayout key_block_layout(ProtocolVersion version, CipherAlgorithm cipher, MacAlgorithm mac);

struct DirectionKeys {
  Bytes mac_key, key, iv;
};

struct KeyMaterial {
  DirectionKeys client, server;
};

// key_block must be at least layout.length() bytes.
Result<KeyMaterial> split_key_block(ByteView key_block, KeyBlockLayout layout);

}  // namespace gauntlet
