#include "engine/connection/config_names.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

// No OpenSSL column: these are ours. Names are the enumerators' own, so a
// scenario file reads like the code it configures.
using A = ClientAuth;
constexpr std::array<NameRow<A>, 3> kClientAuth{{
    {A::none, "none", ""},
    {A::optional, "optional", ""},
    {A::required, "required", ""},
}};

using R = RenegotiationPolicy;
constexpr std::array<NameRow<R>, 3> kRenegotiation{{
    {R::refuse, "refuse", ""},
    {R::secure, "secure", ""},
    {R::allow_insecure, "allow_insecure", ""},
}};

using T = TamperAction;
constexpr std::array<NameRow<T>, 8> kTamper{{
    {T::flip_last_byte, "flip_last_byte", ""},
    {T::flip_first_byte, "flip_first_byte", ""},
    {T::flip_padding, "flip_padding", ""},
    {T::truncate, "truncate", ""},
    {T::extend, "extend", ""},
    {T::oversize, "oversize", ""},
    {T::change_type, "change_type", ""},
    {T::change_version, "change_version", ""},
}};

using B = BadPremaster;
constexpr std::array<NameRow<B>, 7> kBadPremaster{{
    {B::wrong_first_byte, "wrong_first_byte", ""},
    {B::wrong_block_type, "wrong_block_type", ""},
    {B::no_separator, "no_separator", ""},
    {B::zero_in_padding, "zero_in_padding", ""},
    {B::wrong_length, "wrong_length", ""},
    {B::zero_ciphertext, "zero_ciphertext", ""},
    {B::short_ciphertext, "short_ciphertext", ""},
}};

template <typename E>
Result<E> lookup(std::span<const NameRow<E>> table, std::string_view what, std::string_view name) {
  if (const auto v = from_name(table, name)) return *v;
  return decode_error("unknown " + std::string(what) + " '" + std::string(name) + "' (" +
                      name_list(table) + ")");
}

}  // namespace

std::string name_of(ClientAuth v) { return iana_name<A>(kClientAuth, v, 1); }
std::string name_of(RenegotiationPolicy v) { return iana_name<R>(kRenegotiation, v, 1); }
std::string name_of(TamperAction v) { return iana_name<T>(kTamper, v, 1); }
std::string name_of(BadPremaster v) { return iana_name<B>(kBadPremaster, v, 1); }

Result<ClientAuth> client_auth_from_name(std::string_view n) {
  return lookup<A>(kClientAuth, "client authentication", n);
}
Result<RenegotiationPolicy> renegotiation_policy_from_name(std::string_view n) {
  return lookup<R>(kRenegotiation, "renegotiation policy", n);
}
Result<TamperAction> tamper_action_from_name(std::string_view n) {
  return lookup<T>(kTamper, "tamper action", n);
}
Result<BadPremaster> bad_premaster_from_name(std::string_view n) {
  return lookup<B>(kBadPremaster, "bad_premaster kind", n);
}

}  // namespace gauntlet
