// A gauntlet subcommand: registers its options on the app and returns the
// function that runs it once the command line is parsed.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace gauntlet::cli {

struct Command {
  CLI::App* app;
  std::function<int()> run;  // the process exit status
};

// Exit status for a command line that parses but cannot be acted on.
constexpr int kUsageError = 2;

}  // namespace gauntlet::cli
