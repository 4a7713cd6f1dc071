#include "engine/key_schedule/psk_binder.h"

#include "engine/key_schedule/tls13_key_schedule.h"

namespace gauntlet {
namespace {

constexpr uint8_t kClientHelloType = 1;
constexpr uint16_t kPreSharedKey = 41;
constexpr size_t kRandomSize = 32;

Error malformed() { return decode_error("ClientHello does not parse for its PSK binders"); }

}  // namespace

Result<size_t> binder_prefix_length(ByteView client_hello) {
  Reader in(client_hello);
  uint8_t type = 0;
  Reader body, session_id, suites, compression, extensions;
  uint16_t version = 0;
  ByteView random;
  if (!in.u8(type) || type != kClientHelloType || !in.prefixed24(body) || !in.empty() ||
      !body.u16(version) || !body.bytes(kRandomSize, random) || !body.prefixed8(session_id) ||
      !body.prefixed16(suites) || !body.prefixed8(compression) || !body.prefixed16(extensions) ||
      !body.empty()) {
    return malformed();
  }
  Reader last;
  uint16_t last_type = 0;
  while (!extensions.empty()) {
    if (!extensions.u16(last_type) || !extensions.prefixed16(last)) return malformed();
  }
  if (last_type != kPreSharedKey) {
    return illegal_parameter("pre_shared_key is not the last extension of the ClientHello");
  }
  // OfferedPsks: identities<7..2^16-1>, then binders<33..2^16-1> to the end.
  Reader identities, binders;
  if (!last.prefixed16(identities) || identities.empty()) return malformed();
  const size_t prefix = client_hello.size() - last.remaining();
  if (!last.prefixed16(binders) || binders.empty() || !last.empty()) return malformed();
  return prefix;
}

Result<Bytes> psk_binder(HashAlgorithm h, ByteView binder_key, ByteView earlier_messages,
                         ByteView client_hello) {
  const Result<size_t> prefix = binder_prefix_length(client_hello);
  if (!prefix) return prefix.error();
  Hash transcript(h);
  transcript.update(earlier_messages);
  transcript.update(client_hello.first(*prefix));
  return tls13_verify_data(h, binder_key, transcript.digest());
}

}  // namespace gauntlet
