// HKDF (RFC 5869), written by us over HMAC like the TLS PRFs: the
// derivation TLS 1.3's key schedule is built from (RFC 8446 §7.1).
#pragma once

#include "engine/base/reader.h"
#include "engine/crypto/hash.h"

namespace gauntlet {

// RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); an empty salt is HashLen zeros.
Bytes hkdf_extract(HashAlgorithm h, ByteView salt, ByteView ikm);

// RFC 5869 §2.3: T(i) = HMAC-Hash(PRK, T(i-1) | info | i), the first
// `length` bytes of T(1) | T(2) | ... . length is at most 255·HashLen, which
// every TLS use stays far below; a longer request is a caller bug (abort).
Bytes hkdf_expand(HashAlgorithm h, ByteView prk, ByteView info, size_t length);

}  // namespace gauntlet
