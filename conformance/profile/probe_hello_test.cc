#include "conformance/profile/probe_hello.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/messages/framing/handshake_message.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {
namespace {

// What the wire carries, read back with the engine's own parsers.
ClientHello sent(const HelloQuestion& q) {
  const Bytes wire = probe_record(q);
  Reader in(wire);
  auto record = read_record(in);
  EXPECT_TRUE(record.ok() && *record);
  EXPECT_EQ((*record)->version, ProtocolVersion::tls10);
  auto message = HandshakeMessage::parse((*record)->fragment);
  EXPECT_TRUE(message.ok());
  auto hello = ClientHello::parse(message->body);
  EXPECT_TRUE(hello.ok()) << hello.error().to_string();
  return *hello;
}

bool has(const ClientHello& h, ExtensionType t) { return h.extensions && h.extensions->find(t); }

TEST(ProbeHello, Tls12CarriesItsQuestion) {
  const auto suites = suites_for(ProtocolVersion::tls12);
  const ClientHello h = sent({.version = ProtocolVersion::tls12,
                              .suites = suites,
                              .optional = {ExtensionType::extended_master_secret},
                              .server_name = "example.com"});
  EXPECT_EQ(h.legacy_version, ProtocolVersion::tls12);
  // Our suites, then the RFC 5746 signal since renegotiation_info is not sent.
  ASSERT_EQ(h.cipher_suites.size(), suites.size() + 1);
  EXPECT_EQ(h.cipher_suites.back(), CipherSuite::empty_renegotiation_info_scsv);
  EXPECT_EQ(h.extensions->get<ServerNameList>()->host_names.front(), "example.com");
  EXPECT_TRUE(has(h, ExtensionType::signature_algorithms));
  EXPECT_TRUE(has(h, ExtensionType::extended_master_secret));
  EXPECT_FALSE(has(h, ExtensionType::supported_versions));
}

TEST(ProbeHello, CompressionIsOfferedWhenAsked) {
  const HelloQuestion q{.version = ProtocolVersion::tls12,
                        .suites = suites_for(ProtocolVersion::tls12),
                        .compression = {CompressionMethod::deflate, CompressionMethod::null}};
  EXPECT_EQ(sent(q).compression_methods, q.compression);
  EXPECT_EQ(sent({.version = ProtocolVersion::tls12, .suites = q.suites}).compression_methods,
            std::vector{CompressionMethod::null});
}

TEST(ProbeHello, AddressIsNoServerName) {
  const ClientHello h = sent({.version = ProtocolVersion::tls12,
                              .suites = suites_for(ProtocolVersion::tls12),
                              .server_name = "127.0.0.1"});
  EXPECT_FALSE(has(h, ExtensionType::server_name));
}

TEST(ProbeHello, BelowTls12NoSignatureAlgorithms) {
  const ClientHello h = sent({.version = ProtocolVersion::tls11, .suites = suites_for(ProtocolVersion::tls11)});
  EXPECT_EQ(h.legacy_version, ProtocolVersion::tls11);
  EXPECT_FALSE(has(h, ExtensionType::signature_algorithms));
  EXPECT_TRUE(has(h, ExtensionType::supported_groups));
}

TEST(ProbeHello, Ssl3HasNoExtensions) {
  const ClientHello h = sent({.version = ProtocolVersion::ssl3, .suites = suites_for(ProtocolVersion::ssl3)});
  EXPECT_FALSE(h.extensions);
  for (CipherSuite s : h.cipher_suites) {
    EXPECT_LE(cipher_suite_info(s)->min_version, ProtocolVersion::ssl3) << iana_name(s);
  }
}

TEST(ProbeHello, RenegotiationInfoReplacesTheSignal) {
  const ClientHello h = sent({.version = ProtocolVersion::tls12,
                              .suites = {CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256},
                              .optional = {ExtensionType::renegotiation_info}});
  EXPECT_EQ(h.cipher_suites.size(), 1u);
  EXPECT_TRUE(has(h, ExtensionType::renegotiation_info));
}

TEST(ProbeHello, Tls13OffersOnlyTls13WithAnX25519Share) {
  const auto suites = suites_for(ProtocolVersion::tls13);
  ASSERT_FALSE(suites.empty());
  for (CipherSuite s : suites) EXPECT_EQ(cipher_suite_info(s)->key_exchange, KeyExchange::tls13);
  const ClientHello h = sent({.version = ProtocolVersion::tls13, .suites = suites});
  EXPECT_EQ(h.legacy_version, ProtocolVersion::tls12);  // RFC 8446 §4.1.2
  EXPECT_EQ(h.extensions->get<SupportedVersionsList>()->versions,
            std::vector<ProtocolVersion>{ProtocolVersion::tls13});
  const auto* shares = h.extensions->get<ClientKeyShares>();
  ASSERT_TRUE(shares);
  ASSERT_EQ(shares->shares.size(), 1u);
  EXPECT_EQ(shares->shares[0].group, NamedGroup::x25519);
  EXPECT_EQ(shares->shares[0].key_exchange.size(), 32u);
}

TEST(ProbeHello, Tls13OtherGroupGetsNoShare) {
  const ClientHello h = sent({.version = ProtocolVersion::tls13,
                              .suites = suites_for(ProtocolVersion::tls13),
                              .groups = {NamedGroup::secp384r1}});
  EXPECT_EQ(h.extensions->get<SupportedGroups>()->values, std::vector<NamedGroup>{NamedGroup::secp384r1});
  EXPECT_TRUE(h.extensions->get<ClientKeyShares>()->shares.empty());
}

}  // namespace
}  // namespace gauntlet::conformance
