// gauntlet: one program, one subcommand per job. Exit status 2 on any usage
// error, as the README promises.
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace gauntlet::cli;
  CLI::App app{"Gauntlet: a TLS protocol conformance and fuzzing suite."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Print help for every subcommand");

  const std::vector<Command> commands = register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, or the error and a hint
    return code == 0 ? 0 : kUsageError;
  }
  for (const Command& c : commands)
    if (c.app->parsed()) return c.run();
  return kUsageError;
}
