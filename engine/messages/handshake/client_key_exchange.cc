#include "engine/messages/handshake/client_key_exchange.h"

#include "engine/messages/common/codec.h"

namespace gauntlet {
namespace {

bool ssl3_rsa(KeyExchangeForm form, ProtocolVersion version) {
  return form == KeyExchangeForm::rsa && version == ProtocolVersion::ssl3;
}

}  // namespace

Result<ClientKeyExchange> ClientKeyExchange::parse(ByteView body, KeyExchangeForm form,
                                                   ProtocolVersion version) {
  ClientKeyExchange m{form, version, {}};
  Reader r(body);
  bool ok = false;
  switch (form) {
    case KeyExchangeForm::rsa:
      ok = ssl3_rsa(form, version) ? r.bytes(r.remaining(), m.exchange_keys)
                                   : r.vec16(m.exchange_keys);
      break;
    case KeyExchangeForm::dhe:
      ok = r.vec16(m.exchange_keys);
      break;
    case KeyExchangeForm::ecdhe:
      ok = r.vec8(m.exchange_keys);
      break;
  }
  if (!ok) return truncated("ClientKeyExchange");
  if (Status s = expect_end(r, "ClientKeyExchange"); !s) return s.error();
  if (form != KeyExchangeForm::rsa && m.exchange_keys.empty()) {
    return decode_error("ClientKeyExchange: empty public value");
  }
  return m;
}

Result<Bytes> ClientKeyExchange::serialize() const {
  Writer w;
  if (ssl3_rsa(form, version)) {
    w.bytes(exchange_keys);
  } else if (form == KeyExchangeForm::ecdhe) {
    w.vec8(exchange_keys);
  } else {
    w.vec16(exchange_keys);
  }
  return finish(w, "ClientKeyExchange");
}

}  // namespace gauntlet
