// A system under test: our engine or OpenSSL in process, a real OpenSSL or
// GnuTLS process, an external server or a client command. For each case it
// starts (or reaches) a SUT configured as the case needs, and hands out its
// connections one after another.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "conformance/profile/client_profile.h"
#include "conformance/profile/server_profile.h"
#include "conformance/scenario/expand.h"
#include "conformance/sut/channel.h"
#include "conformance/sut/peer_facts.h"
#include "conformance/sut/pki.h"

namespace gauntlet::conformance {

// How the case's previous connection ended, as the next one is opened.
// RFC 5246 §7.2.2: a session a fatal alert ended must not be resumed; a
// client stack run afresh per connection keeps its session only through
// the runner, which must not carry it past such an alert.
enum class PreviousConnection { none, closed, fatal_alert };

// One case's SUT: its connections, in order.
class SutInstance {
 public:
  virtual ~SutInstance() = default;
  // To the SUT server, or the SUT client's next connection to us.
  virtual Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline,
                                                           PreviousConnection previous) = 0;
  // Ends the SUT for this case and returns its own output (a process's
  // stdout and stderr), for the transcript. `settled`: the case left the
  // SUT in a known state (no error, not still sending), so a server
  // process may serve the next case.
  virtual std::string finish(bool /*settled*/) { return {}; }
};

class Target {
 public:
  virtual ~Target() = default;
  virtual std::string name() const = 0;
  // Why this case cannot run here (a skip, never a failure); nullopt if it can.
  virtual std::optional<std::string> cannot_run(const Case& c) const = 0;
  virtual Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const = 0;
  virtual PeerFacts facts() const { return {}; }
  // After a run: why the target as a whole was unusable (it answered, but
  // with nothing a case could use), so that its skips are errors instead of
  // a green run; nullopt when it was usable.
  virtual std::optional<std::string> unusable() const { return std::nullopt; }
  // What probe hellos found the target to be (an external server), for the
  // top of the report; nullptr for targets we configure ourselves.
  virtual const ServerProfile* profile() const { return nullptr; }
  // What probe cases found a client command to offer and do; nullptr for
  // the others.
  virtual const ClientProfile* client_profile() const { return nullptr; }
  // Why this target must see one case at a time (a server that serves one
  // connection at a time fails whichever case queues behind another's
  // wait); nullopt when cases may run side by side.
  virtual std::optional<std::string> one_at_a_time() const { return std::nullopt; }
  // How long a full handshake with it took when measured (zero: never), so
  // that a slow but correct peer's waits grow with it.
  virtual std::chrono::milliseconds handshake_time() const { return {}; }
};

// A target whose tools this machine lacks: every case skips, saying so.
class MissingTarget final : public Target {
 public:
  explicit MissingTarget(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  std::optional<std::string> cannot_run(const Case&) const override {
    return name_ + ": its programs are not installed here";
  }
  Result<std::unique_ptr<SutInstance>> start(const Case&, net::Deadline) const override {
    return internal_error(name_ + " is not installed");
  }

 private:
  std::string name_;
};

}  // namespace gauntlet::conformance
