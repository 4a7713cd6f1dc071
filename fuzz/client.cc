// The whole client: the input is a settings header and everything the
// server sends. Fuzzer mode keeps the records in the clear and lets
// Finished and signatures pass, so resumption, renegotiation and client
// auth are within the fuzzer's reach.
#include "fuzz/stateful/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  Reader r(ByteView(data, size));
  const auto settings = fuzzing::Settings::parse(r);
  if (!settings) return 0;
  Connection client = Connection::client(fuzzing::client_config(*settings),
                                         fuzzing::client_options(*settings));
  (void)client.take_output();
  fuzzing::run(client, r.rest(), *settings);
  return 0;
}
