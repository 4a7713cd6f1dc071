#include "bench/scenario.h"

#include "bench/engine_side.h"
#include "bench/openssl_side.h"

namespace gauntlet::bench {

std::unique_ptr<Side> server_side(Impl impl, const Scenario& s) {
  return impl == Impl::ours ? engine_server(s) : openssl_server(s);
}

std::unique_ptr<Side> client_side(Impl impl, const Scenario& s) {
  return impl == Impl::ours ? engine_client(s) : openssl_client(s);
}

}  // namespace gauntlet::bench
