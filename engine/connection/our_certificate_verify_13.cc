#include "engine/connection/our_certificate_verify_13.h"

#include "engine/connection/signing.h"

namespace gauntlet {

Result<CertificateVerify> our_certificate_verify_13(const Config& c, const PrivateKey& key,
                                                    SignatureScheme scheme,
                                                    CertificateVerifySigner signer,
                                                    ByteView transcript_hash) {
  if (c.bugs.certificate_verify_signature) {
    return CertificateVerify{DigitallySigned{scheme, *c.bugs.certificate_verify_signature}};
  }
  auto sig = sign_certificate_verify(key, scheme, signer, transcript_hash);
  if (!sig) return sig.error();
  return CertificateVerify{DigitallySigned{scheme, std::move(sig).value()}};
}

Result<CertificateVerify> handshake_certificate_verify_13(const Config& c,
                                                          CertificateVerifySigner ours,
                                                          const PrivateKey& key,
                                                          SignatureScheme scheme,
                                                          ByteView transcript_hash) {
  const Bugs& bugs = c.bugs;
  const CertificateVerify13 edit = bugs.certificate_verify.value_or(CertificateVerify13{});
  const CertificateVerifySigner signer =
      edit.client_context ? CertificateVerifySigner::client : ours;
  auto cv = our_certificate_verify_13(c, key, scheme, signer, transcript_hash);
  if (!cv) return cv.error();
  // A scheme TLS 1.3 may forbid (§4.4.3: PKCS #1 v1.5), signed as TLS 1.2
  // would sign it, over the TLS 1.3 content.
  if (bugs.client_signature_scheme) {
    auto other = sign_handshake(ProtocolVersion::tls12, key, bugs.client_signature_scheme,
                                certificate_verify_content(signer, transcript_hash));
    if (!other) return other.error();
    cv->signature = std::move(other).value();
  }
  if ((edit.corrupt || bugs.corrupt_certificate_verify) && !cv->signature.signature.empty()) {
    cv->signature.signature.back() ^= 1;
  }
  if (edit.scheme) cv->signature.scheme = *edit.scheme;
  return cv;
}

}  // namespace gauntlet
