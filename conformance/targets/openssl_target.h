// Target "openssl": OpenSSL's libssl in this process over memory BIOs, at
// security level 0 so that every version and suite it still has can be
// tested. Cases it lacks (SSL 3.0, suites Debian's build leaves out) skip.
#pragma once

#include <set>

#include "conformance/sut/peer_setup.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

// Every suite libssl offers at security level 0: all the old ones it still has.
inline constexpr const char* kOpenSslAllCiphers = "ALL:@SECLEVEL=0";
// TLS 1.3's five (RFC 8446 §B.4): libssl enables the CCM ones only when asked.
inline constexpr const char* kOpenSslTls13Suites =
    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
    "TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";
// The suites of kOpenSslAllCiphers and kOpenSslTls13Suites in this libssl.
std::set<CipherSuite> libssl_suites();
// What libssl 3 lacks that scenarios may require (`requires:`): heartbeat
// (removed in 1.1.0) and record_size_limit (RFC 8449), whose extensions it
// skips unparsed, as RFC 5246 §7.4.1.4 lets it.
PeerSetup libssl_setup();

class OpenSslTarget final : public Target {
 public:
  explicit OpenSslTarget(Pki pki) : pki_(std::move(pki)) {}
  std::string name() const override { return "openssl"; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  // libssl's server echoes what arrives once the handshake is done.
  PeerFacts facts() const override {
    PeerFacts f;
    f.answers_data = true;
    return f;
  }

 private:
  Pki pki_;
  std::set<CipherSuite> suites_ = libssl_suites();
  PeerSetup setup_ = libssl_setup();
};

}  // namespace gauntlet::conformance
