// A conformance scenario as read from conformance/scenarios/*.yaml: what our
// scripted peer does, step by step, and what the system under test (SUT)
// must answer each time. A family file holds many scenarios; each expands
// over versions and suites into cases (expand.h).
#pragma once

#include <string>
#include <vector>

#include "conformance/scenario/requirement.h"
#include "conformance/scenario/settings.h"
#include "conformance/scenario/yaml_reader.h"
#include "conformance/steps/steps.h"
#include "engine/connection/bugs.h"
#include "engine/connection/message_order.h"

namespace gauntlet::conformance {

struct Scenario {
  std::string family;
  std::string name;
  std::string description;
  std::string rfc;
  // `rule:` the RFC's sentence the expected outcome rests on, as written,
  // printed with every failure of the scenario.
  std::string rule;
  SourceLine where;
  Role scripted = Role::client;  // the role our side plays; the SUT plays the other
  std::vector<ProtocolVersion> versions;
  std::vector<CipherSuite> suites;  // after selectors are resolved
  std::vector<Ssl2CipherKind> ssl2_kinds;  // `kinds`: what an SSL 2.0 case expands over
  SutSettings sut;
  PeerSettings peer;
  Bugs bugs;
  std::vector<Step> steps;
  // Every scenario naming this group must draw the same response from a
  // target at each version and suite: an oracle such as Bleichenbacher's
  // needs only a difference, whichever alerts are sent.
  std::string same_response;
  std::vector<Requirement> needs;  // `requires:`
  // `negotiates_version: true`: the case tests version negotiation itself
  // (its hello offers other versions than the case's), so what a peer is
  // found to speak at the case's version never skips it.
  bool negotiates_version = false;

  std::string id() const { return family + "/" + name; }
  int connections() const;  // 1 + reconnect steps
  // `needs` and what the steps imply: a renegotiation that must not be
  // refused needs one the peer completes; waiting for NewSessionTicket
  // needs tickets.
  std::vector<Requirement> requirements() const;
};

}  // namespace gauntlet::conformance
