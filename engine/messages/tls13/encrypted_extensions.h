// EncryptedExtensions (RFC 8446 §4.3.1): extensions<0..2^16-1>.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"

namespace gauntlet {

struct EncryptedExtensions {
  Extensions extensions;

  static Result<EncryptedExtensions> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const EncryptedExtensions&) const = default;
};

// A required extensions block filling the rest of r (RFC 8446 messages have
// no optional blocks).
Result<Extensions> read_extensions(Reader& r, ExtensionContext context, const char* message);

}  // namespace gauntlet
