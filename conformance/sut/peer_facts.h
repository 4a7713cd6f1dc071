// What a target tells our scripted peer about the SUT it faces.
#pragma once

#include <cstdint>
#include <string>

namespace gauntlet::conformance {

// What our scripted peer must know about a target: the trust anchors for a
// server's chain (none: do not verify) and the server name to send.
struct PeerFacts {
  std::string ca_file;  // empty: the test PKI's root
  bool verify = true;
  std::string server_name = "localhost";
  // Our side's clock stands still at kScenarioTime, so that a case's bytes
  // (the hellos' gmt_unix_time) repeat from run to run; an external peer's
  // real certificates are checked at the real time instead.
  bool fixed_clock = true;
  // Our client's certificate when the SUT server asks for one and the
  // scenario, setting up no client authentication, names none: a server
  // stated to require one (it must trust the test PKI's root).
  std::string client_certificate;
  // A SUT server known to answer application data (our targets' servers,
  // or an external one its profile or `--sut answers-data=on` says so of):
  // silence from it where it had to end the connection is probed with
  // data, and no answer then proves the connection over.
  bool answers_data = false;
};

inline constexpr const char* kDefaultClientCertificate = "client-rsa";

// 2027-01-15: inside the validity of every test PKI certificate.
inline constexpr int64_t kScenarioTime = 1800000000;

}  // namespace gauntlet::conformance
