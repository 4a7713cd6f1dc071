#include "engine/registry/handshake_type.h"

#include <array>

#include "engine/base/name_table.h"

namespace gauntlet {
namespace {

using H = HandshakeType;
// OpenSSL names as its message trace prints them; it has none for
// hello_retry_request, which TLS 1.3 sends as a ServerHello (RFC 8446 §4.1.3).
constexpr std::array<NameRow<H>, 20> kTypes{{
    {H::hello_request, "hello_request", "HelloRequest"},
    {H::client_hello, "client_hello", "ClientHello"},
    {H::server_hello, "server_hello", "ServerHello"},
    {H::hello_verify_request, "hello_verify_request", "HelloVerifyRequest"},
    {H::new_session_ticket, "new_session_ticket", "NewSessionTicket"},
    {H::end_of_early_data, "end_of_early_data", "EndOfEarlyData"},
    {H::hello_retry_request, "hello_retry_request", ""},
    {H::encrypted_extensions, "encrypted_extensions", "EncryptedExtensions"},
    {H::certificate, "certificate", "Certificate"},
    {H::server_key_exchange, "server_key_exchange", "ServerKeyExchange"},
    {H::certificate_request, "certificate_request", "CertificateRequest"},
    {H::server_hello_done, "server_hello_done", "ServerHelloDone"},
    {H::certificate_verify, "certificate_verify", "CertificateVerify"},
    {H::client_key_exchange, "client_key_exchange", "ClientKeyExchange"},
    {H::finished, "finished", "Finished"},
    {H::certificate_url, "certificate_url", "CertificateUrl"},
    {H::certificate_status, "certificate_status", "CertificateStatus"},
    {H::supplemental_data, "supplemental_data", "SupplementalData"},
    {H::key_update, "key_update", "KeyUpdate"},
    {H::message_hash, "message_hash", "MessageHash"},
}};

using S = Ssl2MessageType;
constexpr std::array<NameRow<S>, 9> kSsl2Types{{
    {S::error, "ERROR", "SSL2_MT_ERROR"},
    {S::client_hello, "CLIENT-HELLO", "SSL2_MT_CLIENT_HELLO"},
    {S::client_master_key, "CLIENT-MASTER-KEY", "SSL2_MT_CLIENT_MASTER_KEY"},
    {S::client_finished, "CLIENT-FINISHED", "SSL2_MT_CLIENT_FINISHED"},
    {S::server_hello, "SERVER-HELLO", "SSL2_MT_SERVER_HELLO"},
    {S::server_verify, "SERVER-VERIFY", "SSL2_MT_SERVER_VERIFY"},
    {S::server_finished, "SERVER-FINISHED", "SSL2_MT_SERVER_FINISHED"},
    {S::request_certificate, "REQUEST-CERTIFICATE", "SSL2_MT_REQUEST_CERTIFICATE"},
    {S::client_certificate, "CLIENT-CERTIFICATE", "SSL2_MT_CLIENT_CERTIFICATE"},
}};

}  // namespace

std::string iana_name(HandshakeType v) { return iana_name<H>(kTypes, v, 2); }
std::string openssl_name(HandshakeType v) { return openssl_name<H>(kTypes, v, 2); }
std::optional<HandshakeType> handshake_type_from_name(std::string_view n) {
  return from_name<H>(kTypes, n);
}
std::optional<HandshakeType> known_handshake_type(uint8_t wire) {
  return from_value<H>(kTypes, wire);
}

std::string iana_name(Ssl2MessageType v) { return iana_name<S>(kSsl2Types, v, 2); }
std::string openssl_name(Ssl2MessageType v) { return openssl_name<S>(kSsl2Types, v, 2); }
std::optional<Ssl2MessageType> ssl2_message_type_from_name(std::string_view n) {
  return from_name<S>(kSsl2Types, n);
}
std::optional<Ssl2MessageType> known_ssl2_message_type(uint8_t wire) {
  return from_value<S>(kSsl2Types, wire);
}

}  // namespace gauntlet
