// What is known of how a peer outside our control is set up: whether it
// issues tickets, completes a renegotiation, asks for a client certificate,
// which extensions it implements, its highest version. Drawn from the
// server's profile (profile/server_profile.h) or stated by the user
// (`--sut tickets=off,renegotiation=refuse,client-cert=none` or a file of
// such lines), the statement winning. A scenario's requirements are checked
// against it, so a case about something the peer lacks is skipped with the
// reason instead of failed; a fact nobody knows never skips.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "conformance/profile/client_profile.h"
#include "conformance/profile/server_profile.h"
#include "conformance/scenario/requirement.h"
#include "conformance/scenario/scenario.h"
#include "conformance/scenario/settings.h"
#include "engine/connection/policy.h"
#include "engine/connection/message_order.h"

namespace gauntlet::conformance {

// One fact and who said it: "profile" or "--sut", and what was seen.
template <typename T>
struct Fact {
  T value;
  std::string source;
  std::string detail = {};
};

struct PeerSetup {
  std::optional<Fact<bool>> tickets;        // a server issues them, a client offers them
  std::optional<Fact<bool>> renegotiation;  // completes a renegotiation our side starts
  // A server: whether it asks for a client certificate. A client: none
  // when it sends none though asked.
  std::optional<Fact<ClientAuth>> client_auth;
  std::optional<Fact<bool>> concurrent;  // serves a second connection while one is open
  std::optional<Fact<ProtocolVersion>> highest;
  std::optional<Fact<bool>> compression;
  std::optional<Fact<bool>> answers_data;  // a server sends something back for our data
  // A client: refuses a server chain that does not verify, one that does
  // not name the server.
  std::optional<Fact<bool>> verifies_chain;
  std::optional<Fact<bool>> verifies_name;
  std::map<ExtensionType, Fact<bool>> extensions;  // implements it (answers or acts on it)
  // A server signs TLS 1.2 key exchanges with it; a client offers it in
  // signature_algorithms.
  std::map<SignatureScheme, Fact<bool>> schemes;

  // Each fact `over` knows replaces ours.
  void overlay(const PeerSetup& over);
};

PeerSetup setup_from_profile(const ServerProfile& p);
// A client implements an extension it offers (RFC 5246 §7.4.1.4: a server
// may answer only what was offered), offers tickets if its hello carries
// session_ticket, offers the signature schemes its hello lists, and
// renegotiates, sends a certificate and verifies ours as the probes found.
PeerSetup setup_from_profile(const ClientProfile& p);

// The user said the server requires a client certificate: our client then
// offers the test PKI's wherever a scenario sets up no client auth.
bool stated_to_require_certificate(const PeerSetup& s);

// `tickets=off,renegotiation=refuse,client-cert=none`: comma-separated
// KEY=VALUE; keys tickets, renegotiation, client-cert, connections,
// highest, compression, answers-data, verifies-chain, verifies-name and
// extension names (alpn, sni, ems, etm, mfl for short), each on or off.
// `source` names who states it in a skip's reason ("--sut", or a built-in
// target's stack).
Result<PeerSetup> parse_setup(std::string_view text, const std::string& source = "--sut");
// `arg` names a file of such lines (# comments) if one exists, else it is
// the list itself.
Result<PeerSetup> load_setup(const std::string& arg);

// Why a SUT playing `sut_role` cannot serve the requirement; nullopt when
// it can or nobody knows.
std::optional<std::string> unmet(const Requirement& r, const PeerSetup& s, Role sut_role);
// The first of the scenario's requirements the SUT (playing the role our
// side does not) lacks, said as unmet() says it.
std::optional<std::string> lacks(const Scenario& scenario, const PeerSetup& s);
// Why a SUT server set up as `s` is not the one a scenario's `sut:` asks
// for (a scenario that configures its SUT runs against a peer outside our
// control only when the setup is stated to be that one).
std::optional<std::string> setup_conflict(const SutSettings& needed, const PeerSetup& s);

}  // namespace gauntlet::conformance
