// Target "openssl": OpenSSL's libssl in this process over memory BIOs, at
// security level 0 so that every version and suite it still has can be
// tested. Cases it lacks (SSL 3.0, suites Debian's build leaves out) skip.
#pragma once

#include <map>

#include "conformance/targets/target.h"

namespace gauntlet::conformance {

class OpenSslTarget final : public Target {
 public:
  explicit OpenSslTarget(Pki pki);
  std::string name() const override { return "openssl"; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  Pki pki_;
  std::map<CipherSuite, bool> has_suite_;  // probed once
};

}  // namespace gauntlet::conformance
