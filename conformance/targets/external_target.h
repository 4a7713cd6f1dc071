// Targets outside our control: HOST:PORT (any server) and client-cmd:'CMD'
// (any client, launched once per case; {host} and {port} in CMD say where
// our scripted server listens). Their configuration is not ours to set: the
// runner's feature scan (runner/feature_scan.h), which wraps them, skips
// scenarios that configure the SUT unless `--sut` states that setup.
#pragma once

#include "conformance/sut/target.h"

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
  explicit ClientCommandTarget(std::string command);
  // "client-cmd:" and the program's file name, so two clients in one run
  // keep their own rows.
  std::string name() const override { return name_; }
  std::optional<std::string> cannot_run(const Case& c) const override;
  Result<std::unique_ptr<SutInstance>> start(const Case& c, net::Deadline deadline) const override;

 private:
  std::string command_;
  std::string name_;
};

}  // namespace gauntlet::conformance
