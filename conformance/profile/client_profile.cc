#include "conformance/profile/client_profile.h"

#include <algorithm>

#include "conformance/profile/profile_names.h"
#include "engine/messages/extensions/list_extensions.h"
#include "engine/messages/extensions/opaque_extensions.h"

namespace gauntlet::conformance {

namespace {

bool known_version(ProtocolVersion v) {
  return v >= ProtocolVersion::ssl3 && v <= ProtocolVersion::tls13;
}

std::string yes_no(const std::optional<bool>& b, const char* yes, const char* no) {
  return b ? (*b ? yes : no) : "not found out";
}

}  // namespace

ProtocolVersion ClientProfile::highest() const {
  return versions.empty() ? ProtocolVersion::tls12 : std::ranges::max(versions);
}

std::optional<bool> ClientProfile::sends_certificate_at(ProtocolVersion v) const {
  const auto it = sends_certificate.find(v);
  return it == sends_certificate.end() ? std::nullopt : std::optional(it->second);
}

void read_client_hello(const ClientHello& hello, ClientProfile& p) {
  p.versions.clear();
  if (known_version(hello.legacy_version)) p.versions.push_back(hello.legacy_version);
  for (const CipherSuite s : hello.cipher_suites) {
    if (s == CipherSuite::empty_renegotiation_info_scsv) p.secure_renegotiation = true;
    else if (s != CipherSuite::fallback_scsv) p.suites.push_back(s);
  }
  p.compression = std::ranges::any_of(hello.compression_methods,
                                      [](CompressionMethod m) { return m != CompressionMethod::null; });
  if (!hello.extensions) return;
  for (const Extension& e : hello.extensions->list) p.extensions.push_back(e.type);
  // RFC 8446 §4.2.1: supported_versions, where sent, is the list offered.
  if (const auto* v = hello.extensions->get<SupportedVersionsList>()) {
    p.versions.clear();
    for (const ProtocolVersion version : v->versions)
      if (known_version(version)) p.versions.push_back(version);
  }
  if (const auto* g = hello.extensions->get<SupportedGroups>()) p.groups = g->values;
  if (const auto* s = hello.extensions->get<SignatureAlgorithms>()) p.schemes = s->values;
  p.offers_tickets = hello.extensions->find(ExtensionType::session_ticket) != nullptr;
  if (hello.extensions->find(ExtensionType::renegotiation_info)) p.secure_renegotiation = true;
}

std::string to_text(const ClientProfile& p) {
  std::string out = "profile of " + p.target + " (a client command):\n";
  if (p.unusable) return out + "  unusable: " + *p.unusable + "\n";
  out += "  versions offered: " + names(p.versions) + "\n";
  out += "  suites offered: " + names(p.suites) + "\n";
  out += "  extensions offered: " + names(p.extensions) + "\n";
  out += "  groups: " + names(p.groups) + "\n";
  out += "  signature schemes: " + names(p.schemes) + "\n";
  out += std::string("  session tickets: ") + (p.offers_tickets ? "offered" : "not offered") + "\n";
  out += std::string("  secure renegotiation: ") + (p.secure_renegotiation ? "signalled" : "not signalled") + "\n";
  out += "  a renegotiation our server starts: " + yes_no(p.renegotiates, "completed", "not completed") +
         (p.renegotiation_detail.empty() ? "" : " (" + p.renegotiation_detail + ")") + "\n";
  std::vector<ProtocolVersion> sent, withheld;
  for (const auto& [version, yes] : p.sends_certificate) (yes ? sent : withheld).push_back(version);
  out += "  a certificate when asked: " +
         (p.sends_certificate.empty() ? std::string("not found out")
          : withheld.empty()          ? "sent, and our server accepted it (" + names(sent) + ")"
          : sent.empty()              ? "none our server accepted (" + names(withheld) + ")"
                                      : "sent at " + names(sent) + "; none our server accepted at " +
                                 names(withheld)) +
         "\n";
  out += "  an untrusted (self-signed) server chain: " +
         yes_no(p.verifies_chain, "refused", "accepted, the handshake completed") +
         (p.verify_detail.empty() ? "" : " (" + p.verify_detail + ")") + "\n";
  out += "  a server certificate for another name: " +
         yes_no(p.verifies_name, "refused", "accepted, the handshake completed") +
         (p.name_detail.empty() ? "" : " (" + p.name_detail + ")") + "\n";
  out += "  a second connection: " +
         yes_no(p.reconnects, "made right after the first handshake", "none (it connects once per run)") +
         "\n";
  if (p.reconnects == true) {
    out += "  resumption: " + yes_no(p.resumes, "resumed", "not resumed") +
           (p.resumption_detail.empty() ? "" : " (" + p.resumption_detail + ")") + "\n";
  }
  return out;
}

std::string to_json(const ClientProfile& p) {
  // Per version probed: {"TLS 1.2": true, ...}.
  nlohmann::json certificates = nlohmann::json::object();
  for (const auto& [version, yes] : p.sends_certificate) certificates[iana_name(version)] = yes;
  nlohmann::json out = {{"target", p.target},
                        {"role", "client"},
                        {"versions", name_array(p.versions)},
                        {"suites", name_array(p.suites)},
                        {"extensions", name_array(p.extensions)},
                        {"groups", name_array(p.groups)},
                        {"schemes", name_array(p.schemes)},
                        {"offers_tickets", p.offers_tickets},
                        {"secure_renegotiation", p.secure_renegotiation},
                        {"compression", p.compression},
                        {"renegotiates", json_or_null(p.renegotiates)},
                        {"renegotiation_detail", p.renegotiation_detail},
                        {"sends_certificate", certificates},
                        {"verifies_chain", json_or_null(p.verifies_chain)},
                        {"verify_detail", p.verify_detail},
                        {"verifies_name", json_or_null(p.verifies_name)},
                        {"name_detail", p.name_detail},
                        {"reconnects", json_or_null(p.reconnects)},
                        {"resumes", json_or_null(p.resumes)},
                        {"resumption_detail", p.resumption_detail}};
  if (p.unusable) out["unusable"] = *p.unusable;
  return out.dump();
}

}  // namespace gauntlet::conformance
