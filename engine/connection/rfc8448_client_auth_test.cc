// RFC 8448 §6 (client authentication) replayed through both roles with the
// trace's randoms and key shares injected. The RFC publishes neither
// certificate's key and both signatures are randomized (ECDSA, RSA-PSS), so
// each side presents the trace's certificate and sends the trace's
// signature (Bugs::certificate_verify_signature) while the other side
// verifies it against that certificate over its own transcript. The trace's
// server also puts three extensions in EncryptedExtensions that ours does
// not send; they go in raw. Everything else is compared byte for byte: every
// record of both flights, every secret, both Finished, both close_notify
// records.
#include <gtest/gtest.h>

#include "engine/connection/connection.h"
#include "engine/crypto/tls13_signature.h"
#include "engine/key_schedule/testdata/rfc8448.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/tls13/certificate_13.h"
#include "engine/testing/engine_pair.h"
#include "engine/testing/rfc8448_trace.h"
#include "engine/testing/tls13_configs.h"

namespace gauntlet {
namespace {

using rfc8448::handshake_record;
using rfc8448::random_of;
using rfc8448::trace_config;
using rfc8448::value;

// The leaf of one of the trace's Certificate messages.
Certificate leaf_of(const Bytes& message) {
  auto parsed = Certificate13::parse(ByteView(message).subspan(4));
  EXPECT_TRUE(parsed.ok() && !parsed->certificate_list.empty());
  auto cert = Certificate::from_der(parsed->certificate_list.front().cert_data);
  EXPECT_TRUE(cert.ok());
  return std::move(cert).value();
}

Bytes signature_of(const Bytes& certificate_verify) {
  auto cv =
      CertificateVerify::parse(ByteView(certificate_verify).subspan(4), ProtocolVersion::tls13);
  EXPECT_TRUE(cv.ok());
  return cv->signature.signature;
}

// The trace's certificate, a test key of its type standing in for the
// unpublished one, and the trace's signature sent in place of ours. Each
// side's flight goes in one record, as in the trace.
void present_trace_identity(Config& c, const char* certificate, const char* verify,
                            const std::string& stand_in) {
  c.identities = {
      Identity{{leaf_of(value(certificate))}, test_support::test_identity(stand_in).key}};
  c.bugs.certificate_verify_signature = signature_of(value(verify));
  c.bugs.coalesce_handshake = true;
}

Bytes server_flight() {
  Bytes flight = handshake_record(ProtocolVersion::tls12, value("client_auth.server_hello"));
  const Bytes& rest = value("client_auth.server_handshake_record");
  flight.insert(flight.end(), rest.begin(), rest.end());
  return flight;
}

TEST(Rfc8448ClientAuth, OurClientReproducesTheTrace) {
  std::vector<std::string> keylog;
  auto config = trace_config(
      {random_of(value("client_auth.client_hello")), value("client_auth.client_private")}, keylog);
  // As in §5, the trace's client names psk_key_exchange_modes without
  // RFC 5077's session_ticket: with tickets off, it and record_size_limit
  // go in raw after the sorted extensions.
  config->offer_tickets = false;
  config->bugs.extension_order = {0, 0xff01, 10, 51, 43, 13};
  config->record_size_limit.reset();
  config->bugs.extra_extensions = {{0x2d, {0x01, 0x01}}, {0x1c, {0x40, 0x01}}};
  present_trace_identity(*config, "client_auth.client_certificate",
                         "client_auth.client_certificate_verify", "client-rsa");
  Connection client = Connection::client(config, {"server", std::nullopt});
  ASSERT_EQ(client.take_output(),
            handshake_record(ProtocolVersion::tls10, value("client_auth.client_hello")));

  // The server's ECDSA CertificateVerify verifies under the trace's
  // certificate, or the flight would be refused.
  ASSERT_TRUE(client.receive(server_flight()).ok()) << test_support::why(client);
  EXPECT_TRUE(client.handshake_done());
  EXPECT_EQ(client.negotiated().signature_scheme, SignatureScheme::ecdsa_secp256r1_sha256);
  ASSERT_EQ(client.negotiated().peer_chain.size(), 1u);
  EXPECT_EQ(client.negotiated().peer_chain[0].der(),
            leaf_of(value("client_auth.server_certificate")).der());
  // Certificate, CertificateVerify (rsa_pss_rsae_sha256) and Finished.
  EXPECT_EQ(client.take_output(), value("client_auth.client_handshake_record"));
  rfc8448::expect_logged_secrets(keylog, "client_auth");
  EXPECT_EQ(client.negotiated().exporter_master_secret,
            value("client_auth.exporter_master_secret"));

  client.close();
  EXPECT_EQ(client.take_output(), value("client_auth.client_alert_record"));
}

TEST(Rfc8448ClientAuth, OurServerReproducesTheTrace) {
  std::vector<std::string> keylog;
  auto config = trace_config(
      {value("client_auth.server_private"), random_of(value("client_auth.server_hello"))}, keylog);
  config->client_auth = ClientAuth::required;
  // The trace's server (NSS) names its groups (RFC 8446 §4.2.7), answers
  // record_size_limit and acknowledges server_name in EncryptedExtensions;
  // ours answers none of them there, so they go in raw.
  config->bugs.encrypted_extensions = rfc8448::nss_encrypted_extensions();
  present_trace_identity(*config, "client_auth.server_certificate",
                         "client_auth.server_certificate_verify", "server-ecdsa");
  Connection server = Connection::server(config);
  ASSERT_TRUE(
      server.receive(handshake_record(ProtocolVersion::tls10, value("client_auth.client_hello")))
          .ok())
      << test_support::why(server);
  // ServerHello, then EncryptedExtensions, CertificateRequest, Certificate,
  // CertificateVerify and Finished in one record.
  EXPECT_EQ(server.take_output(), server_flight());

  // The client's RSA-PSS CertificateVerify verifies under the trace's
  // client certificate over our transcript, or the flight would be refused.
  ASSERT_TRUE(server.receive(value("client_auth.client_handshake_record")).ok())
      << test_support::why(server);
  EXPECT_TRUE(server.handshake_done());
  ASSERT_EQ(server.negotiated().peer_chain.size(), 1u);
  EXPECT_EQ(server.negotiated().peer_chain[0].der(),
            leaf_of(value("client_auth.client_certificate")).der());
  rfc8448::expect_logged_secrets(keylog, "client_auth");

  server.close();
  EXPECT_EQ(server.take_output(), value("client_auth.server_alert_record"));
}

// The trace's signatures are checked, not taken: over another transcript
// (our own handshake's) the trace's server signature is refused.
TEST(Rfc8448ClientAuth, TheTraceSignatureOverAnotherTranscriptIsRefused) {
  auto server = test_support::tls13_server();
  present_trace_identity(*server, "client_auth.server_certificate",
                         "client_auth.server_certificate_verify", "server-ecdsa");
  auto client = test_support::tls13_client();
  client->trust.reset();
  auto p = test_support::handshake(client, server);
  ASSERT_TRUE(p.client.error());
  EXPECT_EQ(p.client.error()->alert, AlertDescription::decrypt_error);
}

}  // namespace
}  // namespace gauntlet
