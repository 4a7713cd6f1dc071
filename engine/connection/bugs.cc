#include "engine/connection/bugs.h"

#include <algorithm>

#include "engine/crypto/random.h"
#include "engine/crypto/rsa.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/server_hello.h"

namespace gauntlet {

bool Bugs::any() const {
  return written_hello || written_retry || client_random || !inserted_messages.empty() || client_version || cipher_suites || compression_methods || session_id ||
         server_version || server_suite || !extra_extensions.empty() || duplicate_extension ||
         !extension_order.empty() || rewrite_in_flight || offer_session_anyway ||
         server_group || server_signature_scheme || premaster_version || bad_premaster ||
         public_value || dh_public_edge || certificate_verify_signature || skip_message || duplicate_message || early_change_cipher_spec ||
         trailing_byte_in || truncated_message ||
         skip_change_cipher_spec || change_cipher_spec_body || corrupt_finished || truncate_finished ||
         application_data_before_finished || corrupt_post_handshake_auth || early_data_over_limit ||
         handshake_fragment > 0 ||
         coalesce_handshake || record_version || server_name || tamper || ssl2.any() ||
         unchecked_padding || unchecked_finished || resume_unoffered_suite || resume_without_ems ||
         resume_other_name || hello_edits_in || !drop_extensions.empty() ||
         !replace_extensions.empty() || key_shares || corrupt_binder || psk_identity ||
         obfuscated_ticket_age || client_signature_scheme || corrupt_certificate_verify ||
         certificate_request_context || retry_suite || server_key_share ||
         !encrypted_extensions.empty() || !certificate_extensions.empty() ||
         !server_extension_order.empty() || certificate_verify ||
         server_session_id || server_compression;
}

void append_raw_extensions(const std::vector<std::pair<uint16_t, Bytes>>& raw, Extensions& block) {
  for (const auto& [type, body] : raw) {
    block.list.push_back({static_cast<ExtensionType>(type), RawExtension{body}});
  }
}

namespace {

// The extensions `order` names first, in its order; the rest after, as they
// were.
void order_extensions(const std::vector<uint16_t>& order, Extensions& block) {
  const auto rank = [&](const Extension& e) {
    return std::ranges::find(order, static_cast<uint16_t>(e.type)) - order.begin();
  };
  std::ranges::stable_sort(block.list, {}, rank);
}

void add_extensions(const Bugs& bugs, std::optional<Extensions>& extensions) {
  if (bugs.extra_extensions.empty() && !bugs.duplicate_extension && bugs.drop_extensions.empty() &&
      bugs.replace_extensions.empty()) {
    return;
  }
  if (!extensions) extensions = Extensions{};
  auto& list = extensions->list;
  std::erase_if(list, [&](const Extension& e) {
    return std::ranges::find(bugs.drop_extensions, static_cast<uint16_t>(e.type)) !=
           bugs.drop_extensions.end();
  });
  for (const auto& [type, body] : bugs.replace_extensions) {
    const auto it = std::ranges::find(list, static_cast<ExtensionType>(type), &Extension::type);
    if (it != list.end()) {
      it->body = RawExtension{body};
    } else {
      list.push_back({static_cast<ExtensionType>(type), RawExtension{body}});
    }
  }
  if (bugs.duplicate_extension && !list.empty()) list.push_back(list.front());
  append_raw_extensions(bugs.extra_extensions, *extensions);
}

std::optional<Extensions> written_extensions(const WrittenHello& w) {
  if (!w.extensions) return std::nullopt;
  Extensions out;
  append_raw_extensions(*w.extensions, out);
  return out;
}

void write_client_hello(const WrittenHello& w, ClientHello& hello) {
  hello.legacy_version = static_cast<ProtocolVersion>(w.version);
  if (w.random) hello.random = *w.random;
  if (w.session_id) hello.session_id = *w.session_id;
  hello.cipher_suites.clear();
  for (const uint16_t s : w.suites) hello.cipher_suites.push_back(static_cast<CipherSuite>(s));
  hello.compression_methods.clear();
  for (const uint8_t m : w.compression) {
    hello.compression_methods.push_back(static_cast<CompressionMethod>(m));
  }
  hello.extensions = written_extensions(w);
}

void write_server_hello(const WrittenHello& w, ServerHello& hello) {
  hello.legacy_version = static_cast<ProtocolVersion>(w.version);
  if (w.random) hello.random = *w.random;
  if (w.session_id) hello.session_id = *w.session_id;
  if (!w.suites.empty()) hello.cipher_suite = static_cast<CipherSuite>(w.suites.front());
  if (!w.compression.empty()) {
    hello.compression_method = static_cast<CompressionMethod>(w.compression.front());
  }
  hello.extensions = written_extensions(w);
}

void edit_server_hello(const Bugs& bugs, ServerHello& hello) {
  if (bugs.server_version) hello.legacy_version = static_cast<ProtocolVersion>(*bugs.server_version);
  if (bugs.server_suite) hello.cipher_suite = static_cast<CipherSuite>(*bugs.server_suite);
  if (bugs.server_session_id) hello.session_id = *bugs.server_session_id;
  if (bugs.server_compression) {
    hello.compression_method = static_cast<CompressionMethod>(*bugs.server_compression);
  }
  add_extensions(bugs, hello.extensions);
}

}  // namespace

void apply_client_hello_bugs(const Bugs& bugs, ClientHello& hello) {
  if (bugs.written_hello) return write_client_hello(*bugs.written_hello, hello);
  if (bugs.client_version) hello.legacy_version = static_cast<ProtocolVersion>(*bugs.client_version);
  if (bugs.cipher_suites) {
    hello.cipher_suites.clear();
    for (const uint16_t s : *bugs.cipher_suites)
      hello.cipher_suites.push_back(static_cast<CipherSuite>(s));
  }
  if (bugs.compression_methods) {
    hello.compression_methods.clear();
    for (const uint8_t m : *bugs.compression_methods)
      hello.compression_methods.push_back(static_cast<CompressionMethod>(m));
  }
  if (bugs.session_id) hello.session_id = *bugs.session_id;
  if (bugs.client_random) hello.random = *bugs.client_random;
  if (hello.extensions) order_extensions(bugs.extension_order, *hello.extensions);
  add_extensions(bugs, hello.extensions);
}

void apply_server_hello_bugs(const Bugs& bugs, ServerHello& hello) {
  if (bugs.written_hello) return write_server_hello(*bugs.written_hello, hello);
  edit_server_hello(bugs, hello);
  if (hello.extensions) order_extensions(bugs.server_extension_order, *hello.extensions);
}

void apply_encrypted_extensions_bugs(const Bugs& bugs, Extensions& block) {
  append_raw_extensions(bugs.encrypted_extensions, block);
  order_extensions(bugs.server_extension_order, block);
}

void apply_retry_bugs(const Bugs& bugs, ServerHello& hrr) {
  if (bugs.written_retry) return write_server_hello(*bugs.written_retry, hrr);
  edit_server_hello(bugs, hrr);
  if (bugs.retry_suite) hrr.cipher_suite = static_cast<CipherSuite>(*bugs.retry_suite);
}

namespace {

Bytes bad_premaster_block(BadPremaster kind, size_t modulus_size, ByteView premaster,
                          RandomSource& random) {
  // 00 02 PS 00 premaster, PS of non-zero random bytes.
  Bytes block(modulus_size);
  block[1] = 2;
  for (size_t i = 2; i < modulus_size; ++i) {
    uint8_t b = 0;
    while (b == 0) random.fill({&b, 1});
    block[i] = b;
  }
  size_t separator = modulus_size - premaster.size() - 1;
  switch (kind) {
    case BadPremaster::wrong_first_byte:
      block[0] = 1;
      break;
    case BadPremaster::wrong_block_type:
      block[1] = 1;
      break;
    case BadPremaster::no_separator:
      separator = 0;
      break;
    case BadPremaster::zero_in_padding:
      block[5] = 0;
      break;
    case BadPremaster::wrong_length:
      separator += 1;  // leaves 47 bytes after it
      break;
    case BadPremaster::zero_ciphertext:
    case BadPremaster::short_ciphertext:
      break;  // bad_premaster_ciphertext breaks the ciphertext instead
  }
  if (separator > 0) block[separator] = 0;
  const size_t start = modulus_size - premaster.size();
  if (kind != BadPremaster::no_separator && kind != BadPremaster::wrong_length) {
    std::copy(premaster.begin(), premaster.end(), block.begin() + static_cast<std::ptrdiff_t>(start));
  }
  return block;
}

}  // namespace

Result<Bytes> bad_premaster_ciphertext(BadPremaster kind, const PublicKey& key, ByteView premaster,
                                       RandomSource& random) {
  const size_t modulus_size = static_cast<size_t>((key.bits() + 7) / 8);
  if (kind == BadPremaster::zero_ciphertext) return Bytes(modulus_size, 0);
  if (kind == BadPremaster::short_ciphertext) {
    auto good = rsa_encrypt_pkcs1(key, premaster);
    if (!good) return good.error();
    return Bytes(good->begin(), good->end() - 1);
  }
  return rsa_encrypt_raw(key, bad_premaster_block(kind, modulus_size, premaster, random));
}

Bytes dh_public_value_as_sent(const Bugs& bugs, const Bytes& p, Bytes ours) {
  if (bugs.dh_public_edge == DhEdge::p) return p;
  if (bugs.dh_public_edge == DhEdge::p_minus_1) {
    Bytes v = p;
    for (auto it = v.rbegin(); it != v.rend() && (*it)-- == 0; ++it) {
    }
    return v;
  }
  return bugs.public_value.value_or(std::move(ours));
}

}  // namespace gauntlet
