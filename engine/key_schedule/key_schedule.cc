#include "engine/key_schedule/key_schedule.h"

#include "engine/crypto/prf.h"
#include "engine/crypto/ssl3.h"

namespace gauntlet {
namespace {

Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// The handshake hash TLS 1.0/1.1 feed their PRF: MD5 || SHA-1.
Bytes md5_sha1(const Transcript& t) {
  return concat(t.digest(HashAlgorithm::md5), t.digest(HashAlgorithm::sha1));
}

// RFC 6101 §5.6.9: "CLNT" and "SRVR".
constexpr uint32_t kSsl3Client = 0x434c4e54;
constexpr uint32_t kSsl3Server = 0x53525652;

}  // namespace

Bytes version_prf(ProtocolVersion version, HashAlgorithm prf_hash, ByteView secret,
                  std::string_view label, ByteView seed, size_t length) {
  switch (version) {
    case ProtocolVersion::ssl3:
      return ssl3_prf(secret, seed, length);
    case ProtocolVersion::tls10:
    case ProtocolVersion::tls11:
      return prf_tls10(secret, label, seed, length);
    default:
      return prf_tls12(prf_hash, secret, label, seed, length);
  }
}

Bytes master_secret(ProtocolVersion version, HashAlgorithm prf_hash, ByteView premaster,
                    ByteView client_random, ByteView server_random) {
  return version_prf(version, prf_hash, premaster, "master secret",
                     concat(client_random, server_random), kMasterSecretSize);
}

Bytes session_hash(ProtocolVersion version, HashAlgorithm prf_hash, const Transcript& transcript) {
  return version >= ProtocolVersion::tls12 ? transcript.digest(prf_hash) : md5_sha1(transcript);
}

Bytes extended_master_secret(ProtocolVersion version, HashAlgorithm prf_hash, ByteView premaster,
                             ByteView session_hash) {
  return version_prf(version, prf_hash, premaster, "extended master secret", session_hash,
                     kMasterSecretSize);
}

Bytes key_block(ProtocolVersion version, HashAlgorithm prf_hash, ByteView master,
                ByteView client_random, ByteView server_random, size_t length) {
  return version_prf(version, prf_hash, master, "key expansion",
                     concat(server_random, client_random), length);
}

Bytes finished_verify_data(ProtocolVersion version, HashAlgorithm prf_hash, ByteView master,
                           const Transcript& transcript, Sender sender) {
  if (version == ProtocolVersion::ssl3) {
    return ssl3_finished(transcript.running(HashAlgorithm::md5),
                         transcript.running(HashAlgorithm::sha1),
                         sender == Sender::client ? kSsl3Client : kSsl3Server, master);
  }
  const char* label = sender == Sender::client ? "client finished" : "server finished";
  return version_prf(version, prf_hash, master, label, session_hash(version, prf_hash, transcript),
                     12);
}

}  // namespace gauntlet
