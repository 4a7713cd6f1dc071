// padding (RFC 7685): what some servers need to read a ClientHello, not a
// negotiation, so no row: it depends on the size of the whole hello.
#include "engine/connection/extensions/extension_table.h"

namespace gauntlet {

// NSS's and BoringSSL's rule: a hello of 256 to 511 bytes (with its
// handshake header) grows to 512; the extension's own header counts, and
// its body is at least one byte. RFC 8446 §4.2.11: pre_shared_key stays
// last, so the padding goes before it (and the binder, computed after,
// covers it).
void pad_client_hello(ClientHello& hello) {
  if (!hello.extensions) return;
  auto body = hello.serialize();
  if (!body) return;
  // The handshake header: type and a 24-bit length (RFC 8446 §4).
  const size_t length = body->size() + 4;
  if (length < 0x100 || length >= 0x200) return;
  const size_t missing = 0x200 - length;
  const size_t padding = missing >= 5 ? missing - 4 : 1;
  auto& list = hello.extensions->list;
  const bool psk_last = !list.empty() && list.back().type == ExtensionType::pre_shared_key;
  list.insert(psk_last ? list.end() - 1 : list.end(), {ExtensionType::padding, Padding{padding}});
}

}  // namespace gauntlet
