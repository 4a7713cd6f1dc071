// The extensions block of a hello or TLS 1.3 message (RFC 5246 §7.4.1.4,
// RFC 8446 §4.2): a 2-byte-length list of (type, 2-byte-length body). Known
// types parse into typed bodies; unknown ones are kept as raw bytes and
// re-serialized unchanged. A repeated type is rejected (illegal_parameter).
#pragma once

#include <optional>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/messages/extensions/extension_body.h"
#include "engine/registry/extension_type.h"

namespace gauntlet {

// Where an extension appears: several types have a different body in each
// (key_share, supported_versions, pre_shared_key, server_name, ...).
enum class ExtensionContext {
  client_hello,
  server_hello,
  hello_retry_request,
  encrypted_extensions,
  certificate,
  certificate_request,
  new_session_ticket,
};

struct Extension {
  ExtensionType type;
  ExtensionBody body;

  bool operator==(const Extension&) const = default;
};

class Extensions {
 public:
  // body: the block without its 2-byte length prefix.
  static Result<Extensions> parse(ByteView body, ExtensionContext context);
  // Writes the 2-byte-length-prefixed block.
  void serialize(Writer& w) const;

  const Extension* find(ExtensionType type) const;
  template <typename T>
  const T* get() const {
    for (const Extension& e : list)
      if (const T* body = std::get_if<T>(&e.body)) return body;
    return nullptr;
  }

  std::vector<Extension> list;

  bool operator==(const Extensions&) const = default;
};

// Reads an optional extensions block at the end of a hello: absent when the
// reader is empty (RFC 5246 §7.4.1.2), otherwise it must fill the rest.
Result<std::optional<Extensions>> parse_optional_extensions(Reader& r, ExtensionContext context);

}  // namespace gauntlet
