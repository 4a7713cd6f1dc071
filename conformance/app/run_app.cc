#include "conformance/app/run_app.h"

#include <fnmatch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>

#include "conformance/app/interrupts.h"
#include "conformance/report/artifacts.h"
#include "conformance/report/progress.h"
#include "conformance/report/report.h"
#include "conformance/runner/matrix.h"
#include "conformance/runner/response_groups.h"
#include "conformance/scenario/loader.h"
#include "conformance/app/target_factory.h"
#include "engine/crypto/x509.h"

namespace gauntlet::conformance {

namespace {

constexpr int kRegressions = 1;
constexpr int kUsage = 2;

// A filter is a glob, or a case id as --list prints it (whose brackets a
// glob would read as a character class).
bool selected(const std::string& id, const std::vector<std::string>& filters) {
  if (filters.empty()) return true;
  for (const auto& f : filters)
    if (f == id || fnmatch(f.c_str(), id.c_str(), FNM_NOESCAPE) == 0) return true;
  return false;
}

int usage(const std::string& why) {
  std::fprintf(stderr, "gauntlet run: %s\n", why.c_str());
  return kUsage;
}

// Setup errors found before any case runs (exit 2), rather than as the same
// ERROR in every case.
std::optional<std::string> setup_error(const RunOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(Pki{o.pki}.root(), ec)) {
    return "--pki " + o.pki + ": no " + Pki{o.pki}.root() + " there";
  }
  if (!o.ca.empty()) {
    if (auto st = TrustStore().add_file(o.ca); !st) return "--ca: " + st.error().reason;
  }
  if (auto setup = load_setup(o.sut); !setup) return setup.error().reason;
  if (!o.expectations.empty() && !fs::is_directory(o.expectations, ec) &&
      !fs::is_regular_file(o.expectations, ec)) {
    return "--expectations " + o.expectations + " is neither a directory nor a file";
  }
  if (!o.artifacts.empty() && !fs::create_directories(o.artifacts, ec) &&
      !fs::is_directory(o.artifacts, ec)) {
    return "--artifacts " + o.artifacts + " is not a directory and cannot be made one";
  }
  return std::nullopt;
}

// A target that was reached but answered nothing a case could use (garbage,
// no handshake at all) turns its skips into errors: never a green run.
void fail_unusable(const std::vector<const Target*>& targets, std::vector<CaseResult>& results) {
  for (const Target* t : targets) {
    const auto why = t->unusable();
    if (!why) continue;
    std::fprintf(stderr, "gauntlet run: %s\n", why->c_str());
    for (CaseResult& r : results) {
      if (r.target != t->name() || r.verdict != Verdict::skip) continue;
      r.verdict = Verdict::error;
      r.reason = *why + " (the case skipped: " + r.reason + ")";
    }
  }
}

// A relative path that is not under the working directory is looked for
// among the program's runfiles (bazel-bin/gauntlet.runfiles/gauntlet/, or
// $RUNFILES_DIR when a test runs it), so the default scenarios,
// expectations and PKI are found from any folder.
std::string installed(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty() || fs::path(path).is_absolute() || fs::exists(path, ec)) return path;
  std::vector<fs::path> roots;
  if (const char* dir = std::getenv("RUNFILES_DIR")) roots.emplace_back(dir);
  if (const fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) {
    roots.emplace_back(exe.string() + ".runfiles");
  }
  for (const fs::path& root : roots) {
    if (fs::exists(root / "gauntlet" / path, ec)) return (root / "gauntlet" / path).string();
  }
  return path;
}

int run(const RunOptions& o);

}  // namespace

int run_conformance(const RunOptions& given) {
  RunOptions o = given;
  o.scenarios = installed(o.scenarios);
  o.pki = installed(o.pki);
  o.expectations = installed(o.expectations.empty() ? kDefaultExpectations : o.expectations);
  if (given.expectations.empty() && !std::filesystem::exists(o.expectations)) o.expectations.clear();
  return run(o);
}

namespace {

int run(const RunOptions& o) {
  auto scenarios = load_scenario_directory(o.scenarios);
  if (!scenarios) return usage(scenarios.error().reason);
  std::vector<Case> cases;
  for (const Case& c : expand(*scenarios))
    if (selected(c.id(), o.filters)) cases.push_back(c);
  if (o.list) {
    for (const Case& c : cases) {
      std::printf("%s  %s (%s)\n", c.id().c_str(), c.scenario->where.to_string().c_str(),
                  c.scenario->rfc.c_str());
    }
    std::printf("%zu scenarios, %zu cases\n", scenarios->size(), cases.size());
    return 0;
  }
  if (o.targets.empty()) return usage("no --target given");
  if (o.compare && o.targets.size() < 2) return usage("--compare needs two targets or more");
  if (cases.empty()) return usage("no case matches the filters");
  if (auto why = setup_error(o)) return usage(*why);
  const std::string expectations = o.expectations.empty() ? kDefaultExpectations : o.expectations;

  // From here a signal ends the run with its reports: the servers' profiles
  // are probed as targets are made, and cases follow.
  const InterruptGuard interrupts;
  TargetOptions target_options{Pki{o.pki}, o.sni, o.ca, std::chrono::milliseconds(o.timeout_ms),
                               o.no_verify, load_setup(o.sut).value()};
  std::vector<std::unique_ptr<Target>> owned;
  std::vector<const Target*> targets;
  std::map<std::string, KnownFailures> known;
  for (const auto& spec : o.targets) {
    auto t = make_target(spec, target_options);
    if (!t) return usage(t.error().reason);
    for (const Target* other : targets) {
      if (other->name() == (*t)->name()) return usage("two targets named " + other->name());
    }
    // A directory holds <target>.yaml per target; a file is for every target.
    const std::string file = std::filesystem::is_directory(expectations)
                                 ? expectations + "/" + (*t)->name() + ".yaml"
                                 : expectations;
    if (std::filesystem::exists(file)) {
      auto k = load_known_failures(file);
      if (!k) return usage(k.error().reason);
      known[(*t)->name()] = std::move(k).value();
    }
    targets.push_back(t->get());
    owned.push_back(std::move(t).value());
  }

  // What each external server was found to be, before any verdict on it.
  for (const Target* t : targets) {
    if (const ServerProfile* p = t->profile()) std::printf("%s\n", to_text(*p).c_str());
    if (const ClientProfile* p = t->client_profile()) std::printf("%s\n", to_text(*p).c_str());
  }
  std::fflush(stdout);  // ahead of the progress and failures on stderr
  for (const Target* t : targets) {
    if (const auto why = t->one_at_a_time(); why && o.jobs > 1) {
      std::fprintf(stderr, "gauntlet run: warning: %s: %s; its cases run one at a time (-j 1)\n",
                   t->name().c_str(), why->c_str());
    }
  }

  RunSettings settings;
  settings.pki = Pki{o.pki};
  settings.timeout = std::chrono::milliseconds(o.timeout_ms);
  for (const Target* t : targets) {
    if (const auto waits = adapted_to(settings, *t).timeout; waits > settings.timeout) {
      std::fprintf(stderr, "gauntlet run: %s took %lld ms for a full handshake: its waits are %lld ms\n",
                   t->name().c_str(), static_cast<long long>(t->handshake_time().count()),
                   static_cast<long long>(waits.count()));
    }
  }
  const auto score = [&](const CaseResult& r) {
    const auto it = known.find(r.target);
    const KnownFailures* k = it == known.end() ? nullptr : &it->second;
    const KnownFailure* listed = k ? k->match(r.id) : nullptr;
    return Scored{&r, classify(r, k, o.lenient), listed ? listed->reason : ""};
  };

  Progress progress(stderr);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<CaseResult> results;
  int signal = 0;
  results = run_matrix(cases, targets, settings, o.jobs,
                       [&](const CaseResult& r, size_t done, size_t total) {
                         progress.update(r, score(r).outcome, done, total);
                       });
  signal = InterruptGuard::signal();
  progress.finish();
  if (signal) {
    std::fprintf(stderr, "gauntlet run: interrupted by signal %d after %zu of %zu cases\n", signal,
                 results.size(), cases.size() * targets.size());
  }
  fail_unusable(targets, results);
  check_response_groups(results);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::vector<Scored> scored;
  bool regressions = false;
  for (const auto& r : results) {
    scored.push_back(score(r));
    regressions |= is_regression(scored.back().outcome);
    if (!o.artifacts.empty() && is_regression(scored.back().outcome)) {
      if (auto st = write_artifacts(o.artifacts, r); !st) {
        std::fprintf(stderr, "gauntlet run: %s\n", st.error().reason.c_str());
      }
    }
  }
  std::printf("%s", summary_table(scored).c_str());
  if (o.compare) std::printf("%s", differential(scored).c_str());
  const std::string where = o.artifacts.empty() || !regressions ? "" : "; failures in " + o.artifacts;
  std::printf("%zu scenarios, %zu cases x %zu targets in %.1f s with -j %d%s\n", scenarios->size(),
              cases.size(), targets.size(), seconds, o.jobs, where.c_str());
  if (!o.junit.empty()) {
    if (auto st = write_junit(o.junit, scored); !st) return usage(st.error().reason);
  }
  if (!o.json.empty()) {
    std::vector<std::string> profiles;
    for (const Target* t : targets) {
      if (t->profile()) profiles.push_back(to_json(*t->profile()));
      if (t->client_profile()) profiles.push_back(to_json(*t->client_profile()));
    }
    if (auto st = write_json(o.json, scored, profiles); !st) return usage(st.error().reason);
  }
  if (signal) return interrupted_exit_status(signal);
  return regressions ? kRegressions : 0;
}

}  // namespace
}  // namespace gauntlet::conformance
