// The feature scan in front of a target outside our control (HOST:PORT,
// client-cmd): a plain handshake per version and suite, run by the runner
// and remembered, so what the peer does not speak is reported as skipped
// rather than failed; and a peer that is broken (silent, not TLS, no
// handshake at all) makes every case an error, never a run of skips. A
// server's profile goes first: a version it refused cleanly skips without a
// handshake, and one it answered with another version is never skipped,
// since that answer is what the case is there to judge. What the profile
// and the user's `--sut` say of the peer's setup (sut/peer_setup.h) skips
// the cases whose requirements it lacks, and lets the scenarios that
// configure their SUT run when the stated setup is theirs.
#pragma once

#include <chrono>
#include <map>
#include <mutex>

#include "conformance/sut/peer_setup.h"
#include "conformance/sut/target.h"

namespace gauntlet::conformance {

// Wraps an external target with the feature scan.
class ScannedTarget final : public Target {
 public:
  // `profile`: an external server's, when probe hellos could draw one;
  // `declared`: the setup the user stated, over the profile's.
  ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout,
                std::optional<ServerProfile> profile = std::nullopt, const PeerSetup& declared = {});
  // A client command, with what its probe cases found (runner/client_probe.h).
  ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout,
                ClientProfile client, const PeerSetup& declared = {});
  std::string name() const override { return inner_->name(); }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  PeerFacts facts() const override;
  std::optional<std::string> unusable() const override;
  const ServerProfile* profile() const override { return profile_ ? &*profile_ : nullptr; }
  const ClientProfile* client_profile() const override { return client_ ? &*client_ : nullptr; }
  std::optional<std::string> one_at_a_time() const override;
  std::chrono::milliseconds handshake_time() const override {
    return profile_ && profile_->sessions ? profile_->sessions->handshake_time : std::chrono::milliseconds{};
  }

 private:
  // Why the client's profile rules the case out: a suite it does not
  // offer, a version above its highest, a certificate it does not send
  // at the case's version.
  std::optional<std::string> client_lacks(const Case& c) const;
  // Why a case skips: the version and suite scanned, and what came back.
  static std::string scan_failure(const Case& c, const std::string& saw);

  std::unique_ptr<Target> inner_;
  Pki pki_;
  std::chrono::milliseconds timeout_;
  std::optional<ServerProfile> profile_;
  std::optional<ClientProfile> client_;
  PeerSetup setup_;
  mutable std::mutex mu_;
  // What the plain handshake at each version and cipher_name() drew: empty
  // if it completed, else what the peer did instead.
  mutable std::map<std::pair<ProtocolVersion, std::string>, std::string> speaks_;
  mutable std::optional<std::string> dead_;  // why no case can run
};

}  // namespace gauntlet::conformance
