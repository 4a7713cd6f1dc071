// Handshake message types: RFC 5246 §7.4, RFC 8446 §4, IANA "TLS HandshakeType";
// and the SSL 2.0 message types of the SSLv2 handshake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gauntlet {

enum class HandshakeType : uint8_t {
  hello_request = 0,
  client_hello = 1,
  server_hello = 2,
  hello_verify_request = 3,
  new_session_ticket = 4,
  end_of_early_data = 5,
  hello_retry_request = 6,
  encrypted_extensions = 8,
  certificate = 11,
  server_key_exchange = 12,
  certificate_request = 13,
  server_hello_done = 14,
  certificate_verify = 15,
  client_key_exchange = 16,
  finished = 20,
  certificate_url = 21,
  certificate_status = 22,
  supplemental_data = 23,
  key_update = 24,
  message_hash = 254,
};

std::string iana_name(HandshakeType v);
// As OpenSSL's -msg trace prints it, e.g. "ClientHello".
std::string openssl_name(HandshakeType v);
std::optional<HandshakeType> handshake_type_from_name(std::string_view name);
std::optional<HandshakeType> known_handshake_type(uint8_t wire);

enum class Ssl2MessageType : uint8_t {
  error = 0,
  client_hello = 1,
  client_master_key = 2,
  client_finished = 3,
  server_hello = 4,
  server_verify = 5,
  server_finished = 6,
  request_certificate = 7,
  client_certificate = 8,
};

// "CLIENT-HELLO", as the SSL 2.0 specification names them.
std::string iana_name(Ssl2MessageType v);
std::string openssl_name(Ssl2MessageType v);
std::optional<Ssl2MessageType> ssl2_message_type_from_name(std::string_view name);
std::optional<Ssl2MessageType> known_ssl2_message_type(uint8_t wire);

}  // namespace gauntlet
