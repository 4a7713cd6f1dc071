// The feature scan in front of a target outside our control (HOST:PORT,
// client-cmd): a plain handshake per version and suite, run by the runner
// and remembered, so what the peer does not speak is reported as skipped
// rather than failed; and a peer that is broken (silent, not TLS, no
// handshake at all) makes every case an error, never a run of skips. A
// server's profile goes first: a version it refused cleanly skips without a
// handshake, and one it answered with another version is never skipped,
// since that answer is what the case is there to judge.
#pragma once

#include <chrono>
#include <map>
#include <mutex>

#include "conformance/sut/target.h"

namespace gauntlet::conformance {

// Wraps an external target with the feature scan.
class ScannedTarget final : public Target {
 public:
  // `profile`: an external server's, when probe hellos could draw one.
  ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout,
                std::optional<ServerProfile> profile = std::nullopt)
      : inner_(std::move(inner)), pki_(std::move(pki)), timeout_(timeout), profile_(std::move(profile)) {
    if (profile_ && profile_->unusable) dead_ = name() + ": " + *profile_->unusable;
  }
  std::string name() const override { return inner_->name(); }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  PeerFacts facts() const override { return inner_->facts(); }
  std::optional<std::string> unusable() const override;
  const ServerProfile* profile() const override { return profile_ ? &*profile_ : nullptr; }

 private:
  static std::string scan_failure(const Case& c);

  std::unique_ptr<Target> inner_;
  Pki pki_;
  std::chrono::milliseconds timeout_;
  std::optional<ServerProfile> profile_;
  mutable std::mutex mu_;
  mutable std::map<std::pair<ProtocolVersion, CipherSuite>, bool> speaks_;
  mutable std::optional<std::string> dead_;  // why no case can run
};

}  // namespace gauntlet::conformance
