// The part of a ClientHello that PSK binders cover (RFC 8446 §4.2.11.2):
// binder_prefix_length reads a whole ClientHello handshake message on its
// own, shallower than ClientHello::parse. Oracle: where ClientHello::parse
// takes the message and pre_shared_key is its last extension, the prefix
// ends where the binders list begins; with pre_shared_key elsewhere or
// absent the prefix is refused; and any prefix it gives ends at a 2-byte
// length that covers exactly the rest.
#include <variant>

#include "engine/base/reader.h"
#include "engine/key_schedule/psk_binder.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/registry/handshake_type.h"
#include "fuzz/oracle.h"

namespace {

using namespace gauntlet;

// The binders list as serialized: 2-byte length, then each <1>-prefixed.
size_t binders_size(const OfferedPsks& psks) {
  size_t size = 2;
  for (const Bytes& b : psks.binders) size += 1 + b.size();
  return size;
}

// The ClientHello the whole message is, if ClientHello::parse takes it.
std::optional<ClientHello> whole_hello(ByteView message) {
  Reader r(message);
  uint8_t type = 0;
  ByteView body;
  uint32_t length = 0;
  if (!r.u8(type) || type != static_cast<uint8_t>(HandshakeType::client_hello) ||
      !r.u24(length) || !r.bytes(length, body) || !r.empty()) {
    return std::nullopt;
  }
  auto hello = ClientHello::parse(body);
  if (!hello) return std::nullopt;
  return std::move(hello).value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView message(data, size);
  const Result<size_t> prefix = binder_prefix_length(message);
  if (prefix) {
    Reader rest(message.subspan(*prefix));
    Reader binders;
    if (!rest.prefixed16(binders) || !rest.empty()) fuzz::oracle_failed();
  }
  const std::optional<ClientHello> hello = whole_hello(message);
  if (!hello || !hello->extensions || hello->extensions->list.empty()) return 0;
  const Extension& last = hello->extensions->list.back();
  const auto* psks = std::get_if<OfferedPsks>(&last.body);
  if (last.type != ExtensionType::pre_shared_key || !psks) {
    if (prefix) fuzz::oracle_failed();
    return 0;
  }
  if (!prefix || *prefix != size - binders_size(*psks)) fuzz::oracle_failed();
  return 0;
}
