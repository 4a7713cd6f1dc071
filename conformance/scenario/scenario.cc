#include "conformance/scenario/scenario.h"

#include <algorithm>
#include <type_traits>
#include <variant>

namespace gauntlet::conformance {

int Scenario::connections() const {
  return 1 + static_cast<int>(std::ranges::count_if(
                 steps, [](const Step& s) { return s.is<ReconnectStep>(); }));
}

std::vector<Requirement> Scenario::requirements() const {
  std::vector<Requirement> out = needs;
  auto add = [&](Requirement r) {
    if (std::ranges::find(out, r) == out.end()) out.push_back(r);
  };
  for (const Step& s : steps) {
    if (const auto* r = std::get_if<RenegotiateStep>(&s.kind);
        r && r->expect.kind != Expect::Kind::refused) {
      add({Requirement::Kind::renegotiation});
    }
    // Data that must come back from a server: one that answers none (an
    // application that waits for more, or prints what it reads) cannot
    // pass such a step whatever its TLS does.
    const bool wants_data = std::visit(
        [](const auto& k) {
          if constexpr (requires { k.expect; }) return k.expect.kind == Expect::Kind::data;
          return false;
        },
        s.kind);
    if (scripted == Role::client && wants_data) add({Requirement::Kind::application_data});
    // 0-RTT data goes only to a peer whose tickets allow it (RFC 8446 §4.2.10).
    if (const auto* r = std::get_if<ReconnectStep>(&s.kind); r && (r->early_data || r->replay)) {
      add({Requirement::Kind::extension, ExtensionType::early_data});
    }
    if (const auto* h = std::get_if<HandshakeStep>(&s.kind);
        h && h->expect.kind == Expect::Kind::message &&
        h->expect.message == HandshakeType::new_session_ticket) {
      add({Requirement::Kind::tickets});
    }
    // Our server requiring a certificate and a handshake that must go on:
    // a client without one can only send an empty Certificate (RFC 5246
    // §7.4.6) and be refused, so nothing the case is about is tested.
    const bool goes_on = std::visit(
        [](const auto& k) {
          using K = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<K, HandshakeStep> || std::is_same_v<K, RenegotiateStep>) {
            return k.expect.kind == Expect::Kind::success || k.expect.kind == Expect::Kind::message;
          }
          return false;
        },
        s.kind);
    if (scripted == Role::server && peer.client_auth == ClientAuth::required && goes_on) {
      add({Requirement::Kind::client_certificate});
    }
  }
  return out;
}

}  // namespace gauntlet::conformance
