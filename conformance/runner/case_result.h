// What one case did: its verdict, a step-by-step transcript, and the bytes
// of every connection (for the pcap) with the key log to decrypt them.
#pragma once

#include <string>
#include <vector>

#include "conformance/scenario/scenario.h"
#include "conformance/steps/expect.h"
#include "engine/base/reader.h"

namespace gauntlet::conformance {

struct WireChunk {
  int connection = 0;
  bool to_sut = true;
  Bytes bytes;
};

struct CaseResult {
  std::string id;
  std::string target;
  SourceLine where;
  std::string rfc;
  std::string rule;         // the scenario's RFC sentence
  std::string description;  // the scenario's: what the case is about
  bool scripted_client = true;  // which end of each connection is ours
  Verdict verdict = Verdict::pass;
  std::string reason;  // the first failing step's, or the skip's
  std::string response;  // what the SUT did at the last judged step
  std::string group;     // "group[version,suite]" for a same_response scenario
  std::vector<std::string> transcript;
  std::vector<WireChunk> wire;
  std::vector<std::string> keylog;
  std::string sut_log;
  double seconds = 0;
};

}  // namespace gauntlet::conformance
