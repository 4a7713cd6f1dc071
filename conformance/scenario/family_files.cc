// Family files on disk (loader.h): one file, or every *.yaml of a directory
// in name order with each scenario id used once across them. The text itself
// is loader.cc's.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "conformance/scenario/loader.h"

namespace gauntlet::conformance {

Result<std::vector<Scenario>> load_family_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return decode_error(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return decode_error(path + ": cannot read");
  return load_family_text(text.str(), path);
}

Result<std::vector<Scenario>> load_scenario_directory(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  if (ec) return decode_error(dir + ": " + ec.message());
  if (files.empty()) return decode_error(dir + ": no scenario files (*.yaml)");
  std::ranges::sort(files);
  std::vector<Scenario> all;
  std::map<std::string, SourceLine> seen;
  for (const auto& f : files) {
    auto family = load_family_file(f);
    if (!family) return family.error();
    for (auto& s : *family) {
      const auto [it, fresh] = seen.emplace(s.id(), s.where);
      if (!fresh) {
        return decode_error(s.where.to_string() + ": scenario " + s.id() + " is also defined at " +
                            it->second.to_string());
      }
      all.push_back(std::move(s));
    }
  }
  return all;
}

}  // namespace gauntlet::conformance
