#include "engine/messages/handshake/empty_messages.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<HelloRequest> HelloRequest::parse(ByteView body) {
  if (Status s = expect_end(Reader(body), "HelloRequest"); !s) return s.error();
  return HelloRequest{};
}

Result<ServerHelloDone> ServerHelloDone::parse(ByteView body) {
  if (Status s = expect_end(Reader(body), "ServerHelloDone"); !s) return s.error();
  return ServerHelloDone{};
}

}  // namespace gauntlet
