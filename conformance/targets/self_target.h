// Target "self": our own engine in this process, configured as a strict
// server (every version and suite, RSA, ECDSA and DSA identities, session
// cache and tickets) or client (the test root trusted, a client certificate).
#pragma once

#include "conformance/sut/target.h"

namespace gauntlet::conformance {

class SelfTarget final : public Target {
 public:
  explicit SelfTarget(Pki pki) : pki_(std::move(pki)) {}
  std::string name() const override { return "self"; }
  std::optional<std::string> cannot_run(const Case&) const override { return std::nullopt; }
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  Pki pki_;
};

}  // namespace gauntlet::conformance
