// Target "self": our own engine in this process, configured as a strict
// server (every version and suite, RSA, ECDSA and DSA identities, session
// cache and tickets) or client (the test root trusted, a client certificate).
#pragma once

#include "conformance/sut/target.h"
#include "engine/connection/bugs.h"

namespace gauntlet::conformance {

class SelfTarget final : public Target {
 public:
  explicit SelfTarget(Pki pki) : pki_(std::move(pki)) {}
  // Our engine as a SUT that deviates as `bugs` says (the mutation table:
  // each deviation must fail some case).
  SelfTarget(Pki pki, Bugs bugs) : pki_(std::move(pki)), bugs_(std::move(bugs)) {}
  std::string name() const override { return "self"; }
  std::optional<std::string> cannot_run(const Case&) const override { return std::nullopt; }
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  // Our server echoes what arrives once the handshake is done.
  PeerFacts facts() const override {
    PeerFacts f;
    f.answers_data = true;
    return f;
  }

 private:
  Pki pki_;
  Bugs bugs_;
};

}  // namespace gauntlet::conformance
