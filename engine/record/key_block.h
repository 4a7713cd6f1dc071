// Partitioning the key block (RFC 5246 §6.3; RFC 6101 §6.2.2): client and
// server MAC keys, then keys, then IVs.
#pragma once

#include <cstddef>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/algorithm_ids.h"
#include "engine/registry/version.h"

namespace gauntlet {

// RFC 5246 §6.3: 2 * (mac_key_length + enc_key_length + fixed_iv_length).
size_t key_block_length(size_t mac_key_len, size_t key_len, size_t fixed_iv_len);

struct KeyBlockLayout {
  size_t mac_key;
  size_t key;
  size_t iv;

  size_t length() const { return key_block_length(mac_key, key, iv); }
};

// The sizes a suite's cipher and MAC need in this version. TLS 1.1+ CBC
// suites take no IV from the key block (RFC 4346 §6.3: it is explicit per
// record).
KeyBlockLayout key_block_layout(ProtocolVersion version, CipherAlgorithm cipher, MacAlgorithm mac);

struct DirectionKeys {
  Bytes mac_key, key, iv;
};

struct KeyMaterial {
  DirectionKeys client, server;
};

// internal_error if key_block is shorter than layout.length(); extra bytes
// are ignored.
Result<KeyMaterial> split_key_block(ByteView key_block, KeyBlockLayout layout);

}  // namespace gauntlet
