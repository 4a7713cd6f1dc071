// gauntlet run: the conformance runner (conformance/app/run_app.h).
#include "cli/commands.h"
#include "conformance/app/run_app.h"

namespace gauntlet::cli {

Command add_run_command(CLI::App& app) {
  auto o = std::make_shared<conformance::RunOptions>();
  CLI::App* sub = app.add_subcommand(
      "run", "Replay the conformance scenarios against targets and report what deviated "
             "(exit 0: as expected, 1: regressions or errors, 2: usage or setup error, "
             "128+N: interrupted by signal N, reports written)");
  sub->add_option("--target", o->targets,
                  "self, openssl, openssl-proc, gnutls-proc, HOST:PORT or client-cmd:'CMD "
                  "{host} {port}' (repeatable)");
  sub->add_option("--scenarios", o->scenarios, "the scenario directory")->capture_default_str();
  sub->add_option("--expectations", o->expectations,
                  std::string("directory of <target>.yaml known-failure files, or one such "
                              "file for every target (default: ") +
                      conformance::kDefaultExpectations + " if it exists)");
  sub->add_option("--filter", o->filters, "run only cases whose id matches this glob (repeatable)");
  sub->add_flag("--list", o->list, "print every case after expansion and exit");
  sub->add_option("-j,--jobs", o->jobs, "cases run concurrently")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  sub->add_option("--timeout", o->timeout_ms,
                  "milliseconds to wait for any answer (a case gets one wait per step, plus two)")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  sub->add_flag("--compare", o->compare,
                "print the cases the targets judged differently, side by side (two targets or more)");
  sub->add_flag("--lenient", o->lenient,
                "count a refusal with another alert than the RFC's as a pass");
  sub->add_option("--junit", o->junit, "write JUnit XML here");
  sub->add_option("--json", o->json, "write the results as JSON here");
  sub->add_option("--artifacts", o->artifacts,
                  "write a pcap, NSS key log and transcript of each failure under this directory");
  sub->add_option("--pki", o->pki, "the test PKI directory")->capture_default_str();
  sub->add_option("--sni", o->sni, "HOST:PORT targets: the server name to send");
  sub->add_option("--ca", o->ca, "HOST:PORT targets: verify the server's chain against this "
                                 "(a chain that does not verify stops the run, exit 2)");
  sub->add_flag("--no-verify", o->no_verify,
                "HOST:PORT targets with --ca: run on without verifying a chain that does not");
  sub->add_option("--sut", o->sut,
                  "HOST:PORT and client-cmd targets: their setup, over what the profile finds: "
                  "KEY=VALUE,... (tickets=on|off, renegotiation=allow|refuse, "
                  "client-cert=none|optional|required, connections=1|many, highest=VERSION, "
                  "answers-data=on|off, "
                  "compression and extension names (alpn, sni, ems, etm, mfl, heartbeat, "
                  "record_size_limit, ...) =on|off) or a file of such lines");
  return {sub, [o] { return conformance::run_conformance(*o); }};
}

}  // namespace gauntlet::cli
