#include "engine/base/error.h"

namespace gauntlet {

std::string Error::to_string() const { return iana_name(alert) + ": " + reason; }

}  // namespace gauntlet
