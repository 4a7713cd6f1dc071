// `bugs:` — our side's deliberate deviations (engine/connection/bugs.h),
// in a scenario and in a reconnection.
#include "conformance/scenario/setting_keys.h"
#include "engine/connection/config_names.h"

namespace gauntlet::conformance {

namespace {

using R = const YamlReader&;
using V = const YAML::Node&;
using B = Bugs&;

uint16_t u16(R r, V v) { return static_cast<uint16_t>(r.integer(v, 0xffff)); }

// A list of 16-bit code points (extension types), as numbers.
std::vector<uint16_t> u16_list(R r, V v) {
  std::vector<uint16_t> out;
  for (const auto& t : v) out.push_back(u16(r, t));
  return out;
}
uint16_t suite_id(R r, V v) {
  return static_cast<uint16_t>(r.wire_or_named(v, &cipher_suite_from_name, "cipher suite", 0xffff));
}
HandshakeType message(R r, V v) { return r.named(v, &handshake_type_from_name, "handshake message"); }
Ssl2MessageType ssl2_message(R r, V v) {
  return r.named(v, &ssl2_message_type_from_name, "SSL 2.0 message");
}

std::vector<std::pair<uint16_t, Bytes>> raw_extensions(R r, V v) {
  std::vector<std::pair<uint16_t, Bytes>> out;
  for (const auto& e : v) {
    r.require_map(e, "an extension");
    r.only_keys(e, {"type", "body"});
    if (!e["type"]) r.fail(e, "an extension needs a 'type'");
    out.emplace_back(static_cast<uint16_t>(r.integer(e["type"], 0xffff)),
                     e["body"] ? r.hex(e["body"]) : Bytes{});
  }
  return out;
}

Bytes random(R r, V v) {
  Bytes out = r.hex(v);
  if (out.size() != 32) r.fail(v, "a random is 32 bytes");
  return out;
}

// Every field as written; what is not written is the RFC's plainest value
// (TLS 1.2, no session ID, null compression) and no extensions block.
// `session_id: ours` keeps the one our side built (a server's: the echo).
WrittenHello written_hello(R r, V v, const std::string& key) {
  r.require_map(v, "'" + key + "'");
  r.only_keys(v, {"version", "random", "session_id", "suites", "compression", "extensions"});
  if (!v["suites"]) r.fail(v, "'" + key + "' needs 'suites' (a server's: the one it picks)");
  WrittenHello h;
  if (v["version"]) h.version = u16(r, v["version"]);
  if (v["random"]) h.random = random(r, v["random"]);
  if (v["session_id"]) {
    h.session_id = v["session_id"].IsScalar() && r.text(v["session_id"]) == "ours"
                       ? std::nullopt
                       : std::optional(r.hex(v["session_id"]));
  }
  for (const auto& s : v["suites"]) h.suites.push_back(suite_id(r, s));
  if (v["compression"]) {
    h.compression.clear();
    for (const auto& m : v["compression"]) h.compression.push_back(static_cast<uint8_t>(r.integer(m, 0xff)));
  }
  if (v["extensions"]) h.extensions = raw_extensions(r, v["extensions"]);
  return h;
}

InsertedMessage inserted_message(R r, V v) {
  r.require_map(v, "an inserted message");
  r.only_keys(v, {"before", "after", "type", "body"});
  if (!v["type"] || !v["before"] == !v["after"]) {
    r.fail(v, "an inserted message needs a 'type' and one of 'before' or 'after'");
  }
  InsertedMessage m;
  m.after = static_cast<bool>(v["after"]);
  m.next_to = message(r, m.after ? v["after"] : v["before"]);
  m.type = static_cast<uint8_t>(
      r.wire_or_named(v["type"], &handshake_type_from_name, "handshake message", 0xff));
  if (v["body"]) m.body = r.hex(v["body"]);
  return m;
}

ServerKeyShare13 server_key_share(R r, V v) {
  r.require_map(v, "'server_key_share'");
  r.only_keys(v, {"group", "key_exchange"});
  ServerKeyShare13 k;
  if (v["group"]) {
    k.group = static_cast<uint16_t>(r.wire_or_named(v["group"], &named_group_from_name, "group", 0xffff));
  }
  if (v["key_exchange"]) k.key_exchange = r.hex(v["key_exchange"]);
  return k;
}

CertificateVerify13 certificate_verify(R r, V v) {
  r.require_map(v, "'certificate_verify'");
  r.only_keys(v, {"scheme", "context", "corrupt"});
  CertificateVerify13 cv;
  if (v["scheme"]) {
    cv.scheme = static_cast<SignatureScheme>(
        r.wire_or_named(v["scheme"], &signature_scheme_from_name, "signature scheme", 0xffff));
  }
  if (v["context"]) {
    if (r.text(v["context"]) != "client") r.fail(v["context"], "'context' is client");
    cv.client_context = true;
  }
  if (v["corrupt"]) cv.corrupt = r.boolean(v["corrupt"]);
  return cv;
}

const SettingKey<Bugs> kBugsKeys[] = {
    {"hello", [](R r, V v, B b) { b.written_hello = written_hello(r, v, "hello"); },
     "our hello written field by field: {version, random, session_id (hex, or ours), suites, "
     "compression, extensions: [{type, body}]}; no extensions key, no extensions block"},
    {"client_version", [](R r, V v, B b) { b.client_version = u16(r, v); },
     "ClientHello.client_version, as a number"},
    {"cipher_suites",
     [](R r, V v, B b) {
       b.cipher_suites.emplace();
       for (const auto& s : v) b.cipher_suites->push_back(suite_id(r, s));
     },
     "the ClientHello's suite list as sent, names or numbers, unknown ids too"},
    {"compression_methods",
     [](R r, V v, B b) {
       b.compression_methods.emplace();
       for (const auto& m : v) b.compression_methods->push_back(static_cast<uint8_t>(r.integer(m, 0xff)));
     },
     "the ClientHello's compression methods as sent"},
    {"session_id", [](R r, V v, B b) { b.session_id = r.hex(v); },
     "the hello's session ID, hex, any length"},
    {"session_id_length", [](R r, V v, B b) { b.session_id = Bytes(r.integer(v, 255), 0x5a); },
     "a session ID of this many bytes (33 included)"},
    {"server_version", [](R r, V v, B b) { b.server_version = u16(r, v); },
     "ServerHello.server_version, as a number"},
    {"server_suite", [](R r, V v, B b) { b.server_suite = suite_id(r, v); },
     "ServerHello.cipher_suite, offered or not"},
    {"server_session_id", [](R r, V v, B b) { b.server_session_id = r.hex(v); },
     "ServerHello.session_id (TLS 1.3: legacy_session_id_echo), hex, any length"},
    {"server_compression",
     [](R r, V v, B b) { b.server_compression = static_cast<uint8_t>(r.integer(v, 0xff)); },
     "ServerHello.compression_method, as a number"},
    {"extra_extensions",
     [](R r, V v, B b) { b.extra_extensions = raw_extensions(r, v); },
     "[{type, body}] raw extensions appended to our hello"},
    {"drop_extensions",
     [](R r, V v, B b) { b.drop_extensions = u16_list(r, v); },
     "[type] our hello's extensions of these types left out"},
    {"replace_extensions",
     [](R r, V v, B b) { b.replace_extensions = raw_extensions(r, v); },
     "[{type, body}] our hello's extension of that type with this body (appended if absent)"},
    {"duplicate_extension", [](R r, V v, B b) { b.duplicate_extension = r.boolean(v); },
     "our hello carries its first extension twice"},
    {"rewrite_in_flight", [](R r, V v, B b) { b.rewrite_in_flight = r.boolean(v); },
     "the hello changes above are made in flight: our transcript keeps the hello we built"},
    {"server_group",
     [](R r, V v, B b) { b.server_group = r.named(v, &named_group_from_name, "group"); },
     "the ECDHE curve our server picks, offered or not"},
    {"server_signature_scheme",
     [](R r, V v, B b) {
       b.server_signature_scheme = r.named(v, &signature_scheme_from_name, "signature scheme");
     },
     "the signature scheme our server signs with, offered or not"},
    {"premaster_version", [](R r, V v, B b) { b.premaster_version = u16(r, v); },
     "the version in the RSA premaster secret"},
    {"bad_premaster",
     [](R r, V v, B b) { b.bad_premaster = r.config_name(v, &bad_premaster_from_name, "bad_premaster"); },
     "how the RSA premaster block is broken (Bleichenbacher probes)"},
    {"public_value",
     [](R r, V v, B b) {
       const std::string text = r.text(v);
       if (text == "p-1") {
         b.dh_public_edge = DhEdge::p_minus_1;
       } else if (text == "p") {
         b.dh_public_edge = DhEdge::p;
       } else {
         b.public_value = r.hex(v);
       }
     },
     "our DH or ECDH public value as sent, hex; p-1 or p: that value of the DH group in use"},
    {"insert_messages",
     [](R r, V v, B b) {
       b.inserted_messages.clear();
       for (const auto& m : v) b.inserted_messages.push_back(inserted_message(r, m));
     },
     "[{before or after: one of our messages, type: name or number, body: hex}] handshake "
     "messages slipped into our flight, each in its own record, outside our transcript"},
    {"skip_message", [](R r, V v, B b) { b.skip_message = message(r, v); },
     "a handshake message of ours left out"},
    {"duplicate_message", [](R r, V v, B b) { b.duplicate_message = message(r, v); },
     "a handshake message of ours sent twice"},
    {"early_change_cipher_spec", [](R r, V v, B b) { b.early_change_cipher_spec = message(r, v); },
     "our ChangeCipherSpec sent before this message"},
    {"trailing_byte_in", [](R r, V v, B b) { b.trailing_byte_in = message(r, v); },
     "this message of ours with a zero byte appended to its body"},
    {"truncated_message", [](R r, V v, B b) { b.truncated_message = message(r, v); },
     "this message of ours with its last byte cut"},
    {"skip_change_cipher_spec", [](R r, V v, B b) { b.skip_change_cipher_spec = r.boolean(v); },
     "our keys change but the ChangeCipherSpec record is not sent"},
    {"change_cipher_spec_body", [](R r, V v, B b) { b.change_cipher_spec_body = r.hex(v); },
     "our ChangeCipherSpec body instead of 01, hex"},
    {"offer_session_anyway", [](R r, V v, B b) { b.offer_session_anyway = r.boolean(v); },
     "offer the session to resume even in a hello that cannot resume it"},
    {"server_name", [](R r, V v, B b) { b.server_name = r.text(v); },
     "the host name our ClientHello's server_name carries (the chain is still verified against the target's)"},
    {"corrupt_finished", [](R r, V v, B b) { b.corrupt_finished = r.boolean(v); },
     "our Finished carries wrong verify_data"},
    {"truncate_finished", [](R r, V v, B b) { b.truncate_finished = r.boolean(v); },
     "our Finished is a byte short"},
    {"application_data_before_finished",
     [](R r, V v, B b) { b.application_data_before_finished = r.boolean(v); },
     "application data sent between our ChangeCipherSpec and Finished"},
    {"handshake_fragment",
     [](R r, V v, B b) {
       b.handshake_fragment = r.integer(v, 1 << 14);
       if (b.handshake_fragment == 0) r.fail(v, "handshake_fragment is at least 1");
     },
     "at most this many handshake bytes a record"},
    {"coalesce_handshake", [](R r, V v, B b) { b.coalesce_handshake = r.boolean(v); },
     "a flight's messages in one record"},
    {"record_version", [](R r, V v, B b) { b.record_version = u16(r, v); },
     "the version field of every record we write"},
    {"retry_suite", [](R r, V v, B b) { b.retry_suite = suite_id(r, v); },
     "TLS 1.3 server: HelloRetryRequest.cipher_suite, offered or not"},
    {"server_key_share", [](R r, V v, B b) { b.server_key_share = server_key_share(r, v); },
     "TLS 1.3 server: {group, key_exchange}: the ServerHello's key share as sent, either field "
     "replaced (group: name or number)"},
    {"encrypted_extensions",
     [](R r, V v, B b) { b.encrypted_extensions = raw_extensions(r, v); },
     "TLS 1.3 server: [{type, body}] raw extensions appended to EncryptedExtensions"},
    {"certificate_extensions",
     [](R r, V v, B b) { b.certificate_extensions = raw_extensions(r, v); },
     "TLS 1.3 server: [{type, body}] raw extensions appended to the first CertificateEntry"},
    {"certificate_verify", [](R r, V v, B b) { b.certificate_verify = certificate_verify(r, v); },
     "TLS 1.3 server: {scheme, context: client, corrupt: true}: the CertificateVerify names this "
     "scheme, name or number (signed with ours), signs the client's context string, or has its signature's last "
     "byte flipped"},
    {"tamper", [](R r, V v, B b) { b.tamper = read_tamper(r, v); },
     "{record or message, nth, action}: as the tamper step, armed as each connection opens, so "
     "records count from its first (our ClientHello's too)"},
    {"ssl2_master_key_kind",
     [](R r, V v, B b) {
       b.ssl2.master_key_kind = r.named(v, &ssl2_cipher_kind_from_name, "SSL 2.0 cipher kind");
     },
     "SSL 2.0 client: CLIENT-MASTER-KEY names this kind, listed or not (CVE-2015-3197)"},
    {"ssl2_extra_clear_key_bytes",
     [](R r, V v, B b) { b.ssl2.extra_clear_key_bytes = r.integer(v, 23); },
     "SSL 2.0 client: this many more master key bytes sent in the clear (CVE-2016-0703)"},
    {"ssl2_wrong_connection_id", [](R r, V v, B b) { b.ssl2.wrong_connection_id = r.boolean(v); },
     "SSL 2.0 client: CLIENT-FINISHED carries a wrong connection-id"},
    {"ssl2_wrong_challenge", [](R r, V v, B b) { b.ssl2.wrong_challenge = r.boolean(v); },
     "SSL 2.0 server: SERVER-VERIFY carries a wrong challenge"},
    {"ssl2_skip_message", [](R r, V v, B b) { b.ssl2.skip_message = ssl2_message(r, v); },
     "an SSL 2.0 message of ours left out (the keys still change)"},
    {"ssl2_truncated_message", [](R r, V v, B b) { b.ssl2.truncated_message = ssl2_message(r, v); },
     "this SSL 2.0 message of ours with its last byte cut"},
    {"ssl2_trailing_byte_in", [](R r, V v, B b) { b.ssl2.trailing_byte_in = ssl2_message(r, v); },
     "this SSL 2.0 message of ours with a zero byte appended"},
    {"ssl2_bad_mac_in", [](R r, V v, B b) { b.ssl2.bad_mac_in = ssl2_message(r, v); },
     "the record carrying this SSL 2.0 message of ours fails its MAC (its last byte flipped)"},
    // TLS 1.3, our client.
    {"hello_edits_in",
     [](R r, V v, B b) {
       const std::string which = r.text(v);
       if (which != "first" && which != "second") r.fail(v, "hello_edits_in is first or second");
       b.hello_edits_in = which == "first" ? WhichHello::first : WhichHello::second;
     },
     "first or second: the hello edits change only this ClientHello (second: the one after a "
     "HelloRetryRequest)"},
    {"extension_order",
     [](R r, V v, B b) { b.extension_order = u16_list(r, v); },
     "[types] our ClientHello's extensions of these types first, in this order, the rest after"},
    {"key_shares",
     [](R r, V v, B b) {
       b.key_shares.emplace();
       for (const auto& g : v) b.key_shares->push_back(r.named(g, &named_group_from_name, "group"));
     },
     "TLS 1.3: the first ClientHello's key shares, one per group in this order, repeats too; "
     "[]: an empty client_shares"},
    {"corrupt_binder", [](R r, V v, B b) { b.corrupt_binder = r.boolean(v); },
     "TLS 1.3: our PSK binder's last byte flipped"},
    {"psk_identity", [](R r, V v, B b) { b.psk_identity = r.hex(v); },
     "TLS 1.3: the ticket offered under this identity, hex"},
    {"obfuscated_ticket_age",
     [](R r, V v, B b) { b.obfuscated_ticket_age = static_cast<uint32_t>(r.integer(v, 0xffffffff)); },
     "TLS 1.3: the offered ticket's obfuscated_ticket_age, as a number"},
    {"client_signature_scheme",
     [](R r, V v, B b) {
       b.client_signature_scheme = r.named(v, &signature_scheme_from_name, "signature scheme");
     },
     "TLS 1.3: our client's CertificateVerify signed with this scheme, offered or not"},
    {"corrupt_certificate_verify",
     [](R r, V v, B b) { b.corrupt_certificate_verify = r.boolean(v); },
     "TLS 1.3: our client's CertificateVerify signature has its last byte flipped"},
    {"certificate_request_context",
     [](R r, V v, B b) { b.certificate_request_context = r.hex(v); },
     "TLS 1.3: our client's Certificate carries this context instead of the request's, hex"},
    // TLS 1.3 HelloRetryRequest written field by field, second ClientHello's random.
    {"retry", [](R r, V v, B b) { b.written_retry = written_hello(r, v, "retry"); },
     "TLS 1.3 server: our HelloRetryRequest written field by field, as `hello` (random: the "
     "retry's own when not written; our server keeps its own cookie and group)"},
    {"client_random", [](R r, V v, B b) { b.client_random = random(r, v); },
     "our ClientHello's random as sent, 32 bytes hex (TLS 1.3: in the one hello_edits_in names)"},
};

}  // namespace

std::span<const SettingKey<Bugs>> bugs_keys() { return kBugsKeys; }

RecordTamper read_tamper(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "a tamper");
  r.only_keys(v, {"record", "message", "nth", "action"});
  if (!v["record"] == !v["message"] || !v["action"]) {
    r.fail(v, "a tamper needs one of 'record' or 'message', and 'action'");
  }
  RecordTamper t{ContentType::handshake, 0, r.config_name(v["action"], &tamper_action_from_name, "action"),
                 std::nullopt};
  if (v["record"]) t.type = r.named(v["record"], &content_type_from_name, "content type");
  if (v["message"]) t.message = message(r, v["message"]);
  if (v["nth"]) t.nth = static_cast<int>(r.integer(v["nth"], 1000));
  return t;
}

}  // namespace gauntlet::conformance
