#include "conformance/scenario/requirement.h"

namespace gauntlet::conformance {

namespace {

constexpr std::string_view kHighest = "highest:";
constexpr std::string_view kAlpn = "alpn";
constexpr std::string_view kScheme = "scheme:";

}  // namespace

std::optional<Requirement> requirement_from_name(std::string_view name) {
  using K = Requirement::Kind;
  if (name == "tickets") return Requirement{K::tickets};
  if (name == "renegotiation") return Requirement{K::renegotiation};
  if (name == "client_certificate") return Requirement{K::client_certificate};
  if (name == "application_data") return Requirement{K::application_data};
  if (name == "verifies_chain") return Requirement{K::verifies_chain};
  if (name == "verifies_name") return Requirement{K::verifies_name};
  if (name == kAlpn) {
    return Requirement{K::extension, ExtensionType::application_layer_protocol_negotiation};
  }
  if (name.starts_with(kHighest)) {
    const auto v = protocol_version_from_any_name(name.substr(kHighest.size()));
    if (!v) return std::nullopt;
    return Requirement{.kind = K::highest_version, .version = *v};
  }
  if (name.starts_with(kScheme)) {
    const auto scheme = signature_scheme_from_name(name.substr(kScheme.size()));
    if (!scheme) return std::nullopt;
    return Requirement{.kind = K::signature_scheme, .scheme = *scheme};
  }
  if (const auto e = extension_type_from_name(name)) return Requirement{K::extension, *e};
  return std::nullopt;
}

std::string name_of(const Requirement& r) {
  switch (r.kind) {
    case Requirement::Kind::tickets:
      return "tickets";
    case Requirement::Kind::renegotiation:
      return "renegotiation";
    case Requirement::Kind::client_certificate:
      return "client_certificate";
    case Requirement::Kind::application_data:
      return "application_data";
    case Requirement::Kind::verifies_chain:
      return "verifies_chain";
    case Requirement::Kind::verifies_name:
      return "verifies_name";
    case Requirement::Kind::extension:
      return iana_name(r.extension);
    case Requirement::Kind::highest_version:
      return std::string(kHighest) + iana_name(r.version);
    case Requirement::Kind::signature_scheme:
      return std::string(kScheme) + iana_name(r.scheme);
  }
  return "";
}

}  // namespace gauntlet::conformance
