// SSL 2.0 key derivation (SSL 2.0 spec §2.5, CLIENT-MASTER-KEY): the master
// key from its clear and secret parts, and the session keys from
// KEY-MATERIAL-i = MD5(MASTER-KEY || "i" || CHALLENGE || CONNECTION-ID).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

// MASTER-KEY = CLEAR-KEY-DATA || SECRET-KEY-DATA, the secret part the least
// significant bytes. illegal_parameter unless clear_key has exactly the
// kind's clear byte count (11 for export40, 0 otherwise: clear bytes for a
// non-export kind are CVE-2016-0703's opening) and the two make one key.
Result<Bytes> ssl2_master_key(Ssl2CipherKind kind, ByteView clear_key, ByteView secret_key);

// KEY-MATERIAL-0 || KEY-MATERIAL-1 || … up to two session keys' worth
// (16, 32 or 48 bytes), the digit an ASCII character from "0". The spec's
// DES-64 paragraph leaves the "0" out of its single KEY-MATERIAL-0; every
// implementation that shipped (OpenSSL's, NSS's) hashes it as for the other
// kinds, and so do we. This is also what a CLIENT-CERTIFICATE response
// signs first. internal_error for an unknown kind or a master key of the
// wrong size.
Result<Bytes> ssl2_key_material(Ssl2CipherKind kind, ByteView master_key, ByteView challenge,
                                ByteView connection_id);

// CLIENT-READ-KEY (= SERVER-WRITE-KEY) is the first key_size bytes of the
// key material, CLIENT-WRITE-KEY (= SERVER-READ-KEY) the next.
struct Ssl2SessionKeys {
  Bytes client_read;
  Bytes client_write;

  bool operator==(const Ssl2SessionKeys&) const = default;
};

Result<Ssl2SessionKeys> ssl2_session_keys(Ssl2CipherKind kind, ByteView master_key,
                                          ByteView challenge, ByteView connection_id);

}  // namespace gauntlet
