// The steps of a scenario, one struct per kind, each kind whole in its own
// file (steps/<kind>.cc): how it is read from a family file, how the
// transcript describes it, what our side does, what it waits for and how
// the SUT's answer is judged. A new kind is a struct here, its file, and
// its place in `StepKind`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "conformance/scenario/yaml_reader.h"
#include "conformance/steps/expect.h"
#include "engine/connection/bugs.h"
#include "engine/record/protection.h"
#include "engine/registry/content_type.h"

namespace gauntlet::conformance {

class StepContext;

// Every kind has: kName (its key in a family file); `static parse(reader,
// body)`; `describe()` for the transcript; `run(context)`, which acts,
// waits for the SUT and judges its answer.

// Run (or finish) the handshake.
struct HandshakeStep {
  static constexpr std::string_view kName = "handshake";
  Expect expect;
  static HandshakeStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// A request from the client side, an answer from the server side.
struct ExchangeStep {
  static constexpr std::string_view kName = "exchange";
  Expect expect;
  static ExchangeStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// Application data from the scripted side; `keys: early` (TLS 1.3 0-RTT,
// RFC 8446 §4.2.10): sealed as early data, before the handshake is done.
struct SendStep {
  static constexpr std::string_view kName = "send";
  Bytes data;
  bool early_keys = false;
  bool joins_flight = false;  // steps/early_keys.h
  Expect expect;
  static SendStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// "application_data record #1", "the record opening certificate #0".
std::string tamper_target(const RecordTamper& t);

// Change the next record of a type after it is sealed.
struct TamperStep {
  static constexpr std::string_view kName = "tamper";
  RecordTamper tamper{};
  static TamperStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// A record of our choosing, protected or raw; a protected one built to
// order (a flipped MAC, CBC padding of our choosing: engine/record's
// SealShape).
struct RecordStep {
  static constexpr std::string_view kName = "record";
  ContentType type = ContentType::application_data;
  Bytes body;
  bool raw = false;  // no protection, header written as is
  SealShape shape;
  std::optional<uint16_t> version;
  int repeat = 1;
  // `keys: early`: under the client early traffic keys, while our client
  // still writes 0-RTT data (RFC 8446 §4.2.10); else the current ones.
  bool early_keys = false;
  bool joins_flight = false;  // steps/early_keys.h
  Expect expect;
  static RecordStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// An alert of our choosing.
struct AlertStep {
  static constexpr std::string_view kName = "alert";
  uint8_t level = 1;
  uint8_t description = 0;
  int repeat = 1;
  Expect expect;
  static AlertStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// The scripted side starts a new handshake.
struct RenegotiateStep {
  static constexpr std::string_view kName = "renegotiate";
  bool start_only = false;  // send the hello, wait for nothing
  Expect expect;
  static RenegotiateStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// 0-RTT data our client sends with the ticket it resumes (RFC 8446
// §4.2.10): these bytes, or, over_limit, one byte more than the ticket's
// max_early_data_size allows.
struct EarlyDataOffer {
  Bytes data;
  bool over_limit = false;
};

// A new connection, offering the last session.
struct ReconnectStep {
  static constexpr std::string_view kName = "reconnect";
  bool resume = true;
  std::optional<EarlyDataOffer> early_data;
  // The last connection that sent 0-RTT data, again: its ClientHello and
  // early data byte for byte, as an attacker replays them (RFC 8446 §8).
  bool replay = false;
  // With early_data: the ticket the last 0-RTT connection offered, offered
  // again in a fresh ClientHello (its own random, key shares and binder) —
  // a second 0-RTT use of one ticket, which only its holder can make (§8.1).
  bool same_ticket = false;
  // What the next connection changes (RFC 5246 §7.4.1.2 lets a client
  // resume while offering other suites or versions).
  std::optional<Bugs> bugs;
  std::vector<CipherSuite> suites;
  std::optional<ProtocolVersion> min_version, max_version;
  std::optional<bool> extended_master_secret;
  // Our server: the 0-RTT data it takes on this connection; 0 refuses it.
  std::optional<uint32_t> max_early_data;
  bool changes_config() const {
    return bugs || !suites.empty() || min_version || max_version || extended_master_secret ||
           max_early_data;
  }
  static ReconnectStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// TLS 1.3 KeyUpdate from the scripted side (RFC 8446 §4.6.3): our write key
// changes after it, and `requested` asks the SUT to update its own; any other
// value is sent as written and our key stays.
struct KeyUpdateStep {
  static constexpr std::string_view kName = "key_update";
  uint8_t request = 0;  // update_not_requested; 1 update_requested; others bad
  int repeat = 1;
  Expect expect;
  static KeyUpdateStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// close_notify from the scripted side.
struct CloseStep {
  static constexpr std::string_view kName = "close";
  Expect expect;
  static CloseStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// Only wait for the SUT.
struct WaitStep {
  static constexpr std::string_view kName = "wait";
  Expect expect;
  static WaitStep parse(const YamlReader& r, const YAML::Node& body);
  std::string describe() const;
  Judgement run(StepContext& ctx) const;
};

// In the order an unknown step's error lists them. The first is what a
// default Step is: a handshake that must succeed.
using StepKind = std::variant<HandshakeStep, ExchangeStep, SendStep, TamperStep, RecordStep,
                              AlertStep, RenegotiateStep, ReconnectStep, KeyUpdateStep, CloseStep,
                              WaitStep>;

struct Step {
  SourceLine where;
  StepKind kind;

  template <typename K>
  bool is() const { return std::holds_alternative<K>(kind); }
};

// `- kind: body`, by the kind's name.
Step read_step(const YamlReader& r, const YAML::Node& n);
std::string describe(const Step& s);
Judgement run_step(const Step& s, StepContext& ctx);

}  // namespace gauntlet::conformance
