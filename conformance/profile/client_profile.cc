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
  out += "  a certificate when asked: " +
         yes_no(p.sends_certificate, "sent, and our server accepted it", "none our server accepted") + "\n";
  // A command is run once per case: it makes one connection.
  out += "  resumption: never (the command connects once per run)\n";
  return out;
}

std::string to_json(const ClientProfile& p) {
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
                        {"sends_certificate", json_or_null(p.sends_certificate)},
                        {"resumes", false}};
  if (p.unusable) out["unusable"] = *p.unusable;
  return out.dump();
}

}  // namespace gauntlet::conformance
