// gauntlet decode FILE: every record and handshake message of a capture, by
// name, with where and why parsing failed.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "engine/crypto/keys.h"
#include "engine/messages/decode/capture_input.h"
#include "engine/messages/decode/decoder.h"

namespace gauntlet::cli {
namespace {

struct DecodeOptions {
  std::string file;
  bool json = false;
  bool received = false;
};

// Exit status 1 when anything in the capture failed to parse.
bool any_error(const std::vector<Field>& fields) {
  for (const Field& f : fields)
    if (f.error || any_error(f.children)) return true;
  return false;
}

int run(const DecodeOptions& o) {
  auto contents = read_file(o.file);
  if (!contents) {
    std::fprintf(stderr, "gauntlet decode: %s\n", contents.error().reason.c_str());
    return kUsageError;
  }
  const Capture capture =
      read_capture(*contents, o.received ? TraceDirection::received : TraceDirection::sent);
  const auto fields = decode_capture(capture.records, capture.decrypted);
  const std::string out = o.json ? to_json(fields) : to_text(fields);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return any_error(fields) ? 1 : 0;
}

}  // namespace

Command add_decode_command(CLI::App& app) {
  auto options = std::make_shared<DecodeOptions>();
  CLI::App* sub = app.add_subcommand(
      "decode",
      "Print every record and handshake message of a capture (one direction: raw bytes, hex, or "
      "an openssl s_client/s_server -msg trace) with its fields by name; exit 1 if any part "
      "failed to parse");
  sub->add_option("FILE", options->file, "the capture")->required();
  sub->add_flag("--json", options->json, "print JSON instead of text");
  sub->add_flag("--received", options->received,
                "from an -msg trace, decode what the traced peer received (<<<) rather than sent");
  return {sub, [options] { return run(*options); }};
}

}  // namespace gauntlet::cli
