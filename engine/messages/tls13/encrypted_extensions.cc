#include "engine/messages/tls13/encrypted_extensions.h"

#include <string>

#include "engine/messages/common/codec.h"

namespace gauntlet {

Result<Extensions> read_extensions(Reader& r, ExtensionContext context, const char* message) {
  Reader block;
  if (!r.prefixed16(block)) return truncated(message);
  auto e = Extensions::parse(block.rest(), context);
  if (!e) return Error{e.error().alert, std::string(message) + ": " + e.error().reason};
  return e;
}

Result<EncryptedExtensions> EncryptedExtensions::parse(ByteView body) {
  Reader r(body);
  auto e = read_extensions(r, ExtensionContext::encrypted_extensions, "EncryptedExtensions");
  if (!e) return e.error();
  if (Status s = expect_end(r, "EncryptedExtensions"); !s) return s.error();
  return EncryptedExtensions{std::move(*e)};
}

Result<Bytes> EncryptedExtensions::serialize() const {
  Writer w;
  extensions.serialize(w);
  return finish(w, "EncryptedExtensions");
}

}  // namespace gauntlet
