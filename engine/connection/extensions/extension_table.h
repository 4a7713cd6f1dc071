// The rows of extension.h in order, and the hello code's one way through
// them: the client builds its ClientHello's extensions and reads the reply's,
// the server reads the ClientHello's and builds its reply's, each by walking
// the table instead of naming extensions.
#pragma once

#include <optional>
#include <span>

#include "engine/connection/extensions/extension.h"

namespace gauntlet {

// Every row, in the order our ClientHello carries them.
std::span<const ExtensionRow* const> client_hello_order();
// Every row, in the order the server reads a ClientHello's and writes its
// reply's, which is also the order the client reads the reply in. It differs
// from the ClientHello's; both are today's wire order and alert precedence.
std::span<const ExtensionRow* const> server_order();
// The row for a type, or null for one the engine does not negotiate.
const ExtensionRow* find_row(ExtensionType type);

// Client: our ClientHello's extensions; none at all when the block is empty.
// `tls`: the hello is TLS (not SSL 3.0 or SSL 2.0 form), so it carries
// extensions; an SSL 3.0 one carries only those allowed in a renegotiation.
std::optional<Extensions> client_hello_extensions(const HelloScope& s, bool tls);
// Server: reads every row's extension of s.hs.client_hello, present or not.
Status on_client_hello(HelloScope& s);
// Server: the extensions of our reply `kind`; none when the block is empty.
std::optional<Extensions> reply_extensions(HelloScope& s, ExtensionContext kind);
// Client: the server's reply `kind`. Only what our ClientHello (s.hs.
// client_hello) asked for may come back, checked before anything is read.
Status on_reply(HelloScope& s, ExtensionContext kind, const std::optional<Extensions>& reply);

// Config::pad_client_hello: RFC 7685 padding at the end of our hello (before
// pre_shared_key, RFC 8446 §4.2.11), after every other change to it but the
// PSK binder, which covers it (padding.cc).
void pad_client_hello(ClientHello& hello);

// RFC 5246 §7.4.1.4, RFC 8446 §4.2: unsupported_extension for an extension
// in `reply` that `ours` neither carried nor asked for otherwise (a row's
// asked_without_extension).
Status check_solicited(const ClientHello& ours, const Extensions& reply);

}  // namespace gauntlet
