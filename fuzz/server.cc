// The whole server: the input is a settings header and everything the
// client sends (see client.cc for fuzzer mode).
#include "fuzz/stateful/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  Reader r(ByteView(data, size));
  const auto settings = fuzzing::Settings::parse(r);
  if (!settings) return 0;
  Connection server = Connection::server(fuzzing::server_config(*settings));
  fuzzing::run(server, r.rest(), *settings);
  return 0;
}
