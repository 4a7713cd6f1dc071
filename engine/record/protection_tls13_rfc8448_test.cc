// TLS 1.3 record protection reproduces RFC 8448 §3's protected records byte
// for byte from the RFC's keys: the server's whole encrypted flight
// (EncryptedExtensions through Finished, 674 bytes of ciphertext) and the
// application data each side sends, the server's at sequence 1 (its
// NewSessionTicket went first), so the nonce is really iv XOR sequence.
#include <gtest/gtest.h>

#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/record/protection.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

const Bytes& v(const std::string& name) { return rfc8448::value("simple." + name); }

Bytes cat(std::initializer_list<std::string> names) {
  Bytes out;
  for (const std::string& n : names) out.insert(out.end(), v(n).begin(), v(n).end());
  return out;
}

// 00 01 .. 31, what both sides send as application data.
Bytes application_payload() {
  Bytes out;
  for (uint8_t i = 0; i < 0x32; ++i) out.push_back(i);
  return out;
}

struct Case {
  const char* name;
  const char* key;
  const char* iv;
  uint64_t sequence;
  ContentType type;
  Bytes plaintext;
  const char* record;
};

std::vector<Case> cases() {
  return {
      {"server flight", "server_handshake_key", "server_handshake_iv", 0, ContentType::handshake,
       cat({"encrypted_extensions", "certificate", "certificate_verify", "server_finished"}),
       "server_handshake_record"},
      {"client Finished", "client_handshake_key", "client_handshake_iv", 0, ContentType::handshake,
       v("client_finished"), "client_finished_record"},
      {"client data", "client_application_key", "client_application_iv", 0,
       ContentType::application_data, application_payload(), "client_application_record"},
      {"server data", "server_application_key", "server_application_iv", 1,
       ContentType::application_data, application_payload(), "server_application_record"},
  };
}

std::unique_ptr<RecordProtection> make(const Case& c, CipherDirection dir) {
  ProtectionParams p;
  p.version = ProtocolVersion::tls13;
  p.cipher = CipherAlgorithm::aes_128_gcm;
  p.key = v(c.key);
  p.iv = v(c.iv);
  p.direction = dir;
  auto protection = make_protection(std::move(p));
  EXPECT_TRUE(protection.ok()) << protection.error().to_string();
  (*protection)->set_next_sequence(c.sequence);
  return std::move(*protection);
}

TEST(Tls13ProtectionRfc8448, SealsTheRfcRecords) {
  for (const Case& c : cases()) {
    auto writer = make(c, CipherDirection::encrypt);
    auto body = writer->seal(c.type, ProtocolVersion::tls12, c.plaintext);
    ASSERT_TRUE(body.ok()) << c.name << ": " << body.error().to_string();
    EXPECT_EQ(write_record(ContentType::application_data, ProtocolVersion::tls12, *body),
              v(c.record))
        << c.name;
  }
}

TEST(Tls13ProtectionRfc8448, OpensTheRfcRecords) {
  for (const Case& c : cases()) {
    const Bytes& record = v(c.record);
    auto reader = make(c, CipherDirection::decrypt);
    auto opened = reader->open(ContentType::application_data, ProtocolVersion::tls12,
                               ByteView(record).subspan(5));
    ASSERT_TRUE(opened.ok()) << c.name << ": " << opened.error().to_string();
    EXPECT_EQ(opened->type, c.type) << c.name;
    EXPECT_EQ(opened->plaintext, c.plaintext) << c.name;
  }
}

}  // namespace
}  // namespace gauntlet
