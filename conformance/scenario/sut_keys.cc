// `sut:` — how the SUT must be configured for a scenario.
#include "conformance/scenario/setting_keys.h"
#include "engine/connection/config_names.h"

namespace gauntlet::conformance {

namespace {

using R = const YamlReader&;
using V = const YAML::Node&;
using S = SutSettings&;

const SettingKey<SutSettings> kSutKeys[] = {
    {"client_auth",
     [](R r, V v, S s) { s.client_auth = r.config_name(v, &client_auth_from_name, "client_auth"); },
     "none, optional or required: whether the SUT server asks for a client certificate"},
    {"tickets", [](R r, V v, S s) { s.tickets = r.boolean(v); },
     "false: the SUT server issues no session tickets"},
    {"renegotiation",
     [](R r, V v, S s) {
       s.renegotiation = r.config_name(v, &renegotiation_policy_from_name, "renegotiation");
       // The process targets have a switch for refusing and none for
       // renegotiating without RFC 5746, so no scenario may ask for it.
       if (s.renegotiation == RenegotiationPolicy::allow_insecure) {
         r.fail(v, "renegotiation is refuse or secure");
       }
     },
     "refuse or secure (the default): the SUT's renegotiation policy"},
    {"early_data", [](R r, V v, S s) { s.early_data = r.boolean(v); },
     "true: TLS 1.3 0-RTT: the SUT server takes 16384 bytes of early data, the SUT client sends "
     "its request as early data when its ticket allows (RFC 8446 §4.2.10)"},
    {"hello_retry", [](R r, V v, S s) { s.hello_retry = r.boolean(v); },
     "true: the SUT server answers a TLS 1.3 ClientHello without a cookie with a "
     "HelloRetryRequest carrying one (RFC 8446 §4.2.2)"},
};

}  // namespace

std::span<const SettingKey<SutSettings>> sut_keys() { return kSutKeys; }

}  // namespace gauntlet::conformance
