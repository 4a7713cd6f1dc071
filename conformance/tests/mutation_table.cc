#include "conformance/tests/mutation_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "conformance/scenario/loader.h"

namespace gauntlet::conformance {

// One row per knob and the SUT role it deviates in.
const std::vector<Mutation>& mutations() {
  using HT = HandshakeType;
  using S2 = Ssl2MessageType;
  static const std::vector<Mutation> rows = {
      // Deviations our SUT server sends.
      {"server_version", Role::server, [](Bugs& b) { b.server_version = 0x0301; }},
      {"server_suite", Role::server, [](Bugs& b) { b.server_suite = 0x0035; }},
      {"extra_extensions", Role::server, [](Bugs& b) { b.extra_extensions = {{0x1234, {}}}; }},
      {"duplicate_extension", Role::server, [](Bugs& b) { b.duplicate_extension = true; }},
      {"public_value", Role::server, [](Bugs& b) { b.public_value = Bytes{0x00}; }},
      {"skip_message", Role::server, [](Bugs& b) { b.skip_message = HT::certificate; }},
      {"duplicate_message", Role::server, [](Bugs& b) { b.duplicate_message = HT::server_hello_done; }},
      {"early_change_cipher_spec", Role::server,
       [](Bugs& b) { b.early_change_cipher_spec = HT::server_hello_done; }},
      {"trailing_byte_in", Role::server, [](Bugs& b) { b.trailing_byte_in = HT::server_hello; }},
      {"truncated_message", Role::server, [](Bugs& b) { b.truncated_message = HT::certificate; }},
      {"skip_change_cipher_spec", Role::server, [](Bugs& b) { b.skip_change_cipher_spec = true; }},
      {"change_cipher_spec_body", Role::server,
       [](Bugs& b) { b.change_cipher_spec_body = Bytes{1, 1}; }},
      {"corrupt_finished", Role::server, [](Bugs& b) { b.corrupt_finished = true; }},
      {"truncate_finished", Role::server, [](Bugs& b) { b.truncate_finished = true; }},
      {"application_data_before_finished", Role::server,
       [](Bugs& b) { b.application_data_before_finished = true; }},
      {"record_version", Role::server, [](Bugs& b) { b.record_version = 0x0301; }},
      {"hello", Role::server,
       [](Bugs& b) { b.written_hello = WrittenHello{0x0303, {}, Bytes{}, {0x002f}, {1}, {}}; }},
      {"tamper", Role::server,
       [](Bugs& b) {
         b.tamper = RecordTamper{ContentType::handshake, 0, TamperAction::change_type, HT::server_hello};
       }},
      {"insert_messages", Role::server,
       [](Bugs& b) { b.inserted_messages = {{HT::server_hello_done, false, 0x63, {}}}; }},
      // Checks our SUT server skips.
      {"unchecked_padding", Role::server, [](Bugs& b) { b.unchecked_padding = true; }},
      {"unchecked_finished", Role::server, [](Bugs& b) { b.unchecked_finished = true; }},
      {"resume_unoffered_suite", Role::server, [](Bugs& b) { b.resume_unoffered_suite = true; }},
      {"resume_without_ems", Role::server, [](Bugs& b) { b.resume_without_ems = true; }},
      {"resume_other_name", Role::server, [](Bugs& b) { b.resume_other_name = true; }},
      // SSL 2.0: deviations our SUT server sends, checks it skips.
      {"ssl2_wrong_challenge", Role::server, [](Bugs& b) { b.ssl2.wrong_challenge = true; }},
      {"ssl2_skip_message", Role::server, [](Bugs& b) { b.ssl2.skip_message = S2::server_verify; }},
      {"ssl2_truncated_message", Role::server,
       [](Bugs& b) { b.ssl2.truncated_message = S2::server_hello; }},
      {"ssl2_trailing_byte_in", Role::server,
       [](Bugs& b) { b.ssl2.trailing_byte_in = S2::server_hello; }},
      {"ssl2_bad_mac_in", Role::server, [](Bugs& b) { b.ssl2.bad_mac_in = S2::server_verify; }},
      {"ssl2_accept_unoffered_kind", Role::server,
       [](Bugs& b) { b.ssl2.accept_unoffered_kind = true; }},
      {"ssl2_accept_clear_key_bytes", Role::server,
       [](Bugs& b) { b.ssl2.accept_clear_key_bytes = true; }},
      // TLS 1.3: deviations our SUT server sends.
      {"server_session_id", Role::server, [](Bugs& b) { b.server_session_id = Bytes(32, 0x5a); }},
      {"server_compression", Role::server, [](Bugs& b) { b.server_compression = 1; }},
      {"retry_suite", Role::server, [](Bugs& b) { b.retry_suite = 0x1302; }},
      {"server_key_share", Role::server,
       [](Bugs& b) { b.server_key_share = ServerKeyShare13{0x0017, {}}; }},
      {"encrypted_extensions", Role::server,
       [](Bugs& b) { b.encrypted_extensions = {{0x1234, {}}}; }},
      {"certificate_extensions", Role::server,
       [](Bugs& b) { b.certificate_extensions = {{0x1234, {}}}; }},
      {"certificate_verify", Role::server,
       [](Bugs& b) { b.certificate_verify = CertificateVerify13{{}, false, true}; }},
      {"drop_extensions", Role::server, [](Bugs& b) { b.drop_extensions = {0x002b}; }},
      {"replace_extensions", Role::server,
       [](Bugs& b) { b.replace_extensions = {{0x002b, {0x03, 0x03}}}; }},
      {"retry", Role::server,
       [](Bugs& b) {
         b.written_retry = WrittenHello{0x0303, {}, std::nullopt, {0x1301}, {0},
                                        std::vector<std::pair<uint16_t, Bytes>>{{0x002b, {0x03, 0x04}}}};
       }},
      // Deviations our SUT client sends.
      {"client_version", Role::client, [](Bugs& b) { b.client_version = 0x0300; }},
      {"cipher_suites", Role::client,
       [](Bugs& b) { b.cipher_suites = std::vector<uint16_t>{0x1301}; }},
      {"compression_methods", Role::client,
       [](Bugs& b) { b.compression_methods = std::vector<uint8_t>{1}; }},
      {"session_id", Role::client, [](Bugs& b) { b.session_id = Bytes(33, 0x5a); }},
      {"duplicate_extension", Role::client, [](Bugs& b) { b.duplicate_extension = true; }},
      {"premaster_version", Role::client, [](Bugs& b) { b.premaster_version = 0x0300; }},
      {"bad_premaster", Role::client,
       [](Bugs& b) { b.bad_premaster = BadPremaster::wrong_first_byte; }},
      {"public_value", Role::client, [](Bugs& b) { b.public_value = Bytes{0x00}; }},
      {"skip_message", Role::client, [](Bugs& b) { b.skip_message = HT::client_key_exchange; }},
      {"duplicate_message", Role::client,
       [](Bugs& b) { b.duplicate_message = HT::client_key_exchange; }},
      {"early_change_cipher_spec", Role::client,
       [](Bugs& b) { b.early_change_cipher_spec = HT::client_key_exchange; }},
      {"trailing_byte_in", Role::client, [](Bugs& b) { b.trailing_byte_in = HT::client_hello; }},
      {"truncated_message", Role::client,
       [](Bugs& b) { b.truncated_message = HT::client_key_exchange; }},
      {"skip_change_cipher_spec", Role::client, [](Bugs& b) { b.skip_change_cipher_spec = true; }},
      {"change_cipher_spec_body", Role::client,
       [](Bugs& b) { b.change_cipher_spec_body = Bytes{1, 1}; }},
      {"corrupt_finished", Role::client, [](Bugs& b) { b.corrupt_finished = true; }},
      {"truncate_finished", Role::client, [](Bugs& b) { b.truncate_finished = true; }},
      {"application_data_before_finished", Role::client,
       [](Bugs& b) { b.application_data_before_finished = true; }},
      {"record_version", Role::client, [](Bugs& b) { b.record_version = 0x0301; }},
      {"hello", Role::client,
       [](Bugs& b) { b.written_hello = WrittenHello{0x0303, {}, Bytes{}, {0x002f}, {1}, {}}; }},
      {"tamper", Role::client,
       [](Bugs& b) {
         b.tamper = RecordTamper{ContentType::handshake, 0, TamperAction::change_type, HT::client_hello};
       }},
      {"insert_messages", Role::client,
       [](Bugs& b) { b.inserted_messages = {{HT::client_key_exchange, false, 0x63, {}}}; }},
      // Checks our SUT client skips.
      {"unchecked_padding", Role::client, [](Bugs& b) { b.unchecked_padding = true; }},
      {"unchecked_finished", Role::client, [](Bugs& b) { b.unchecked_finished = true; }},
      // SSL 2.0: deviations our SUT client sends.
      {"ssl2_master_key_kind", Role::client,
       [](Bugs& b) { b.ssl2.master_key_kind = Ssl2CipherKind::des_192_ede3_cbc_with_md5; }},
      {"ssl2_extra_clear_key_bytes", Role::client,
       [](Bugs& b) { b.ssl2.extra_clear_key_bytes = 1; }},
      {"ssl2_wrong_connection_id", Role::client, [](Bugs& b) { b.ssl2.wrong_connection_id = true; }},
      {"ssl2_skip_message", Role::client,
       [](Bugs& b) { b.ssl2.skip_message = S2::client_master_key; }},
      {"ssl2_truncated_message", Role::client,
       [](Bugs& b) { b.ssl2.truncated_message = S2::client_hello; }},
      {"ssl2_trailing_byte_in", Role::client,
       [](Bugs& b) { b.ssl2.trailing_byte_in = S2::client_hello; }},
      {"ssl2_bad_mac_in", Role::client, [](Bugs& b) { b.ssl2.bad_mac_in = S2::client_finished; }},
      // TLS 1.3: deviations our SUT client sends.
      {"drop_extensions", Role::client, [](Bugs& b) { b.drop_extensions = {0x002d}; }},
      {"replace_extensions", Role::client,
       [](Bugs& b) { b.replace_extensions = {{0x0033, {0x00}}}; }},
      {"extension_order", Role::client, [](Bugs& b) { b.extension_order = {0x0029}; }},
      {"key_shares", Role::client,
       [](Bugs& b) { b.key_shares = {{NamedGroup::x25519, NamedGroup::x25519}}; }},
      {"corrupt_binder", Role::client, [](Bugs& b) { b.corrupt_binder = true; }},
      {"psk_identity", Role::client, [](Bugs& b) { b.psk_identity = Bytes{1, 2, 3}; }},
      {"client_signature_scheme", Role::client,
       [](Bugs& b) { b.client_signature_scheme = SignatureScheme::rsa_pkcs1_sha256; }},
      {"corrupt_certificate_verify", Role::client,
       [](Bugs& b) { b.corrupt_certificate_verify = true; }},
      {"certificate_request_context", Role::client,
       [](Bugs& b) { b.certificate_request_context = Bytes{1}; }},
      {"client_random", Role::client,
       [](Bugs& b) {
         b.hello_edits_in = WhichHello::second;
         b.client_random = Bytes(32, 0xa5);
       }},
  };
  return rows;
}

// Knobs that are no deviation by themselves, or that no case can catch
// (docs/CONFORMANCE.md says why under the table).
const std::set<std::string>& knobs_apart() {
  static const std::set<std::string> apart = {
      "rewrite_in_flight",  "offer_session_anyway", "handshake_fragment",
      "coalesce_handshake", "session_id_length",    "server_group",
      "server_signature_scheme", "server_name",     "hello_edits_in",
      "obfuscated_ticket_age",
  };
  return apart;
}

std::string role_name(Role r) { return r == Role::server ? "server" : "client"; }

// "| `knob` | server | `case`, `case` |" rows of the mutation table.
DocumentedRows documented_mutations() {
  std::ifstream f("docs/CONFORMANCE.md");
  std::stringstream text;
  text << f.rdbuf();
  const std::string doc = text.str();
  const size_t from = doc.find("## Mutation table");
  EXPECT_NE(from, std::string::npos);
  DocumentedRows out;
  std::istringstream lines(doc.substr(from));
  // Backquoted words in order: the knob, then the case ids.
  const auto quoted = [](const std::string& text) {
    std::vector<std::string> words;
    for (size_t at = text.find('`'); at != std::string::npos; at = text.find('`', at + 1)) {
      const size_t end = text.find('`', at + 1);
      if (end == std::string::npos) break;
      words.push_back(text.substr(at + 1, end - at - 1));
      at = end;
    }
    return words;
  };
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const size_t role_at = line.find(" | ", 3);
    if (role_at == std::string::npos) continue;
    const std::string rest = line.substr(role_at + 3);
    const std::string role = rest.substr(0, rest.find(' '));
    std::vector<std::string> words = quoted(line);
    if (words.empty() || (role != "server" && role != "client")) continue;
    const std::string knob = words.front();
    words.erase(words.begin());
    out[{knob, role}] = words;
  }
  return out;
}

const std::vector<Case>& all_cases() {
  static const auto scenarios = load_scenario_directory("conformance/scenarios");
  static const std::vector<Case> cases = expand(scenarios.value());
  return cases;
}

const Case* find_case(const std::string& id) {
  for (const Case& c : all_cases()) {
    if (c.id() == id) return &c;
  }
  return nullptr;
}


Role sut_role(const Case& c) {
  return c.scenario->scripted == Role::client ? Role::server : Role::client;
}

}  // namespace gauntlet::conformance
