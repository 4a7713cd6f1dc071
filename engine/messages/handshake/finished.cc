#include "engine/messages/handshake/finished.h"

#include <string>

namespace gauntlet {

size_t finished_length(ProtocolVersion version) {
  return version == ProtocolVersion::ssl3 ? 36 : 12;
}

Result<Finished> Finished::parse(ByteView body, size_t verify_data_length) {
  if (body.size() != verify_data_length) {
    return decode_error("Finished: verify_data of " + std::to_string(body.size()) +
                        " bytes, expected " + std::to_string(verify_data_length));
  }
  return Finished{Bytes(body.begin(), body.end())};
}

}  // namespace gauntlet
