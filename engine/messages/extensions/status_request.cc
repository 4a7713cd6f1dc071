#include "engine/messages/extensions/status_request.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {

constexpr uint8_t kOcsp = 1;

Result<StatusRequest> StatusRequest::parse(ByteView body) {
  Reader r(body);
  StatusRequest m;
  if (!r.u8(m.status_type)) return truncated("status_request");
  if (m.status_type != kOcsp) {
    if (!r.bytes(r.remaining(), m.other)) return truncated("status_request");
    return m;
  }
  if (!r.vec16(m.responder_id_list) || !r.vec16(m.request_extensions)) {
    return truncated("status_request");
  }
  if (Status s = expect_end(r, "status_request"); !s) return s.error();
  return m;
}

void StatusRequest::serialize(Writer& w) const {
  w.u8(status_type);
  if (status_type != kOcsp) {
    w.bytes(other);
    return;
  }
  w.vec16(responder_id_list);
  w.vec16(request_extensions);
}

}  // namespace gauntlet
