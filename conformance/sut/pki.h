// The test PKI (engine/crypto/testdata) our scripted peer and the SUTs we
// start draw their identities and trust anchors from.
#pragma once

#include <memory>
#include <string>

#include <vector>

#include "engine/base/error.h"
#include "engine/connection/config.h"
#include "engine/crypto/x509.h"
#include "engine/registry/cipher_suite.h"

namespace gauntlet::conformance {

// Where the test PKI lives (engine/crypto/testdata): "server-rsa" names
// server-rsa-chain.pem and server-rsa.key there.
struct Pki {
  std::string dir = "engine/crypto/testdata";
  std::string chain(const std::string& name) const { return dir + "/" + name + "-chain.pem"; }
  std::string key(const std::string& name) const { return dir + "/" + name + ".key"; }
  std::string root() const { return dir + "/root-ca.pem"; }
  std::string intermediate() const { return dir + "/intermediate-ca.pem"; }

  // The identity `name` and trust stores, each parsed once per process and
  // shared after: a run builds two peers a case, and parsing these PEM
  // files was most of a case's time against our engine.
  Result<Identity> identity(const std::string& name) const;
  Result<std::shared_ptr<const TrustStore>> trust(const std::string& ca_file) const;
};

// What an SSL 2.0 peer trusts: SSL 2.0 carries one certificate, never a
// chain (SSL 2.0 spec §2.6, CERTIFICATE-DATA), so the test leaves verify
// only with their intermediate trusted beside the root.
Result<std::shared_ptr<const TrustStore>> ssl2_trust(const Pki& pki);

// The test identity a server uses for a suite's key exchange.
std::string identity_for(CipherSuite suite);

}  // namespace gauntlet::conformance
