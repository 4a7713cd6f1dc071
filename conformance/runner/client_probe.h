// Profiling a client command before its cases (issue 15): five probe
// cases against our scripted server — a plain handshake, whose ClientHello
// says what the client offers; a HelloRequest after it; a CertificateRequest;
// a self-signed chain; a chain for another name — each bounded by
// `timeout` per wait, like any case.
#pragma once

#include <chrono>

#include "conformance/profile/client_profile.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

ClientProfile profile_client(const Target& client, const Pki& pki, std::chrono::milliseconds timeout);

}  // namespace gauntlet::conformance
