// Targets outside our control: HOST:PORT (any server) and client-cmd:'CMD'
// (any client, launched once per case; {host} and {port} in CMD say where
// our scripted server listens). Their configuration is not ours to set, so
// scenarios that configure the SUT skip; and a quick feature scan (a plain
// handshake per version and suite, remembered) skips what the peer does
// not speak, so it is reported as unsupported rather than failed.
#pragma once

#include <chrono>
#include <map>
#include <mutex>

#include "conformance/targets/target.h"

namespace gauntlet::conformance {

class ExternalServerTarget final : public Target {
 public:
  ExternalServerTarget(std::string host, uint16_t port, std::string spec, PeerFacts facts)
      : host_(std::move(host)), port_(port), spec_(std::move(spec)), facts_(std::move(facts)) {}
  std::string name() const override { return spec_; }
  PeerFacts facts() const override { return facts_; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  std::string host_;
  uint16_t port_;
  std::string spec_;
  PeerFacts facts_;
};

class ClientCommandTarget final : public Target {
 public:
  explicit ClientCommandTarget(std::string command) : command_(std::move(command)) {}
  std::string name() const override { return "client-cmd"; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  std::string command_;
};

// Wraps an external target with the feature scan.
class ScannedTarget final : public Target {
 public:
  ScannedTarget(std::unique_ptr<Target> inner, Pki pki, std::chrono::milliseconds timeout)
      : inner_(std::move(inner)), pki_(std::move(pki)), timeout_(timeout) {}
  std::string name() const override { return inner_->name(); }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;
  PeerFacts facts() const override { return inner_->facts(); }
  std::optional<std::string> unusable() const override;

 private:
  static std::string scan_failure(const Case& c);

  std::unique_ptr<Target> inner_;
  Pki pki_;
  std::chrono::milliseconds timeout_;
  mutable std::mutex mu_;
  mutable std::map<std::pair<ProtocolVersion, CipherSuite>, bool> speaks_;
  mutable std::optional<std::string> dead_;  // why no case can run
};

}  // namespace gauntlet::conformance
