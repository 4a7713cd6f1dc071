#include "engine/record/sequence_number.h"

#include <limits>

namespace gauntlet {

Result<uint64_t> SequenceNumber::take() {
  if (next_ == std::numeric_limits<uint64_t>::max()) {
    return internal_error("record sequence number would wrap; the connection must rekey");
  }
  return next_++;
}

}  // namespace gauntlet
