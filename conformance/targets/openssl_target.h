// Target "openssl": OpenSSL's libssl in this process over memory BIOs, at
// security level 0 so that every version and suite it still has can be
// tested. Cases it lacks (SSL 3.0, suites Debian's build leaves out) skip.
#pragma once

#include <set>

#include "conformance/sut/target.h"

namespace gauntlet::conformance {

// Every suite libssl offers at security level 0: all the old ones it still has.
inline constexpr const char* kOpenSslAllCiphers = "ALL:@SECLEVEL=0";
// The suites of kOpenSslAllCiphers in this libssl, for TLS 1.0 to 1.2.
std::set<CipherSuite> libssl_suites();

class OpenSslTarget final : public Target {
 public:
  explicit OpenSslTarget(Pki pki) : pki_(std::move(pki)) {}
  std::string name() const override { return "openssl"; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  Pki pki_;
  std::set<CipherSuite> suites_ = libssl_suites();
};

}  // namespace gauntlet::conformance
