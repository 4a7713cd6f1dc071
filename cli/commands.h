// Every subcommand, one file each (cli/*_command.cc).
#pragma once

#include <vector>

#include "cli/command.h"

namespace gauntlet::cli {

Command add_connect_command(CLI::App& app);
Command add_decode_command(CLI::App& app);
Command add_info_command(CLI::App& app);
Command add_run_command(CLI::App& app);
Command add_scan_command(CLI::App& app);
Command add_serve_command(CLI::App& app);

inline std::vector<Command> register_commands(CLI::App& app) {
  return {
      add_info_command(app),
      add_decode_command(app),
      add_serve_command(app),
      add_connect_command(app),
      add_run_command(app),
      add_scan_command(app),
  };
}

}  // namespace gauntlet::cli
