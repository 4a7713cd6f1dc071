// The names of Config's and Bugs' own enums, one table each
// (engine/base/name_table.h): the words scenario files and the command line
// use, so the YAML loader and `gauntlet serve --verify` accept the same ones.
#pragma once

#include <string>
#include <string_view>

#include "engine/base/error.h"
#include "engine/connection/bugs.h"
#include "engine/connection/policy.h"

namespace gauntlet {

// "none", "optional", "required".
std::string name_of(ClientAuth v);
// "refuse", "secure", "allow_insecure".
std::string name_of(RenegotiationPolicy v);
// "flip_last_byte", "truncate", ...: the enumerator's name.
std::string name_of(TamperAction v);
// "wrong_first_byte", "no_separator", ...: the enumerator's name.
std::string name_of(BadPremaster v);

// An unknown name is a decode_error whose reason lists the known ones.
Result<ClientAuth> client_auth_from_name(std::string_view name);
Result<RenegotiationPolicy> renegotiation_policy_from_name(std::string_view name);
Result<TamperAction> tamper_action_from_name(std::string_view name);
Result<BadPremaster> bad_premaster_from_name(std::string_view name);

}  // namespace gauntlet
