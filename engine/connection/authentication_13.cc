#include "engine/connection/authentication_13.h"

#include <algorithm>

#include "engine/connection/extensions/extension.h"
#include "engine/connection/extensions/tls13_placement.h"
#include "engine/connection/negotiation.h"
#include "engine/messages/handshake/certificate_verify.h"

namespace gauntlet {

CertificateRequest13 certificate_request_13(const Config& c, Bytes context) {
  CertificateRequest13 cr;
  cr.certificate_request_context = std::move(context);
  cr.extensions.list.push_back(
      {ExtensionType::signature_algorithms, SignatureAlgorithms{c.signature_schemes}});
  if (!c.signature_schemes_cert.empty()) {
    cr.extensions.list.push_back({ExtensionType::signature_algorithms_cert,
                                  SignatureAlgorithmsCert{c.signature_schemes_cert}});
  }
  return cr;
}

Result<RequestedSchemes13> requested_schemes_13(const CertificateRequest13& request) {
  const std::optional<Extensions> block = request.extensions;
  if (auto st = check_tls13_placement(ExtensionContext::certificate_request, block); !st) {
    return st.error();
  }
  const auto* schemes =
      body_as<SignatureAlgorithms>(find_body(block, ExtensionType::signature_algorithms));
  if (!schemes) {
    return Error{AlertDescription::missing_extension,
                 "CertificateRequest without signature_algorithms"};
  }
  const auto* chain =
      body_as<SignatureAlgorithmsCert>(find_body(block, ExtensionType::signature_algorithms_cert));
  return RequestedSchemes13{schemes->values, chain ? chain->values : schemes->values};
}

Certificate13 certificate_13(Bytes context, const std::optional<ClientSigner13>& signer) {
  Certificate13 cert{std::move(context), {}};
  if (!signer) return cert;
  for (Bytes& der : chain_der(signer->identity.get().chain)) {
    cert.certificate_list.push_back({std::move(der), Extensions{}});
  }
  return cert;
}

Result<std::vector<Certificate>> peer_chain_13(const Config& c, const Certificate13& message) {
  CertificateMessage chain_message;
  for (const CertificateEntry& entry : message.certificate_list) {
    const std::optional<Extensions> block = entry.extensions;
    if (auto st = check_tls13_placement(ExtensionContext::certificate, block); !st) {
      return st.error();
    }
    chain_message.certificate_list.push_back(entry.cert_data);
  }
  return parse_chain(c, chain_message);
}

Result<SignatureScheme> check_certificate_verify_13(const Config& c, CertificateVerifySigner signer,
                                                    ByteView body, ByteView transcript_hash,
                                                    const PublicKey& key, bool fuzzer_mode) {
  auto cv = CertificateVerify::parse(body, ProtocolVersion::tls13);
  if (!cv) return cv.error();
  const DigitallySigned& signed_value = cv->signature;
  const std::vector<SignatureScheme>& ours = c.signature_schemes;
  if (!signed_value.scheme || std::ranges::find(ours, *signed_value.scheme) == ours.end()) {
    return illegal_parameter("CertificateVerify with a scheme we did not offer");
  }
  if (auto st = verify_certificate_verify(key, *signed_value.scheme, signer, transcript_hash,
                                          signed_value.signature);
      !st && !fuzzer_mode) {
    return st.error();
  }
  return *signed_value.scheme;
}

std::optional<ClientSigner13> choose_client_identity_13(const Config& c,
                                                        const RequestedSchemes13& requested) {
  std::vector<const Identity*> ids;
  for (const Identity& id : c.identities) {
    if (!id.chain.empty()) ids.push_back(&id);
  }
  prefer_chains_signed_with(ids, requested.chain);
  for (const Identity* id : ids) {
    for (const SignatureScheme s : c.signature_schemes) {
      if (std::ranges::find(requested.signature, s) == requested.signature.end()) continue;
      if (tls13_signature_params(s, id->key.type())) return ClientSigner13{*id, s};
    }
  }
  return std::nullopt;
}

}  // namespace gauntlet
