// OpenSSL's sides: one SSL_CTX per side, one SSL over memory BIOs per
// connection.
#pragma once

#include <memory>

#include "bench/scenario.h"

namespace gauntlet::bench {

std::unique_ptr<Side> openssl_server(const Scenario& s);
std::unique_ptr<Side> openssl_client(const Scenario& s);

}  // namespace gauntlet::bench
