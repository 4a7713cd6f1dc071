// What a failed case leaves for a human: DIR/<target>/<case>.pcap (the
// conversation as TCP/IPv4, every connection its own stream to port 443, so
// Wireshark dissects it as TLS), <case>.keys (the NSS key log: point
// Wireshark's TLS "(Pre)-Master-Secret log filename" at it to decrypt) and
// <case>.txt (the step-by-step transcript and the SUT's own output).
#pragma once

#include <string>

#include "conformance/runner/case_result.h"
#include "engine/base/error.h"

namespace gauntlet::conformance {

Status write_artifacts(const std::string& dir, const CaseResult& r);

// The case id as a file name: "records_flip-mac_TLSv1.2_AES128-SHA".
std::string artifact_name(const std::string& case_id);

}  // namespace gauntlet::conformance
