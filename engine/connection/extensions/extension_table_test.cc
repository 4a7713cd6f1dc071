#include "engine/connection/extensions/extension_table.h"

#include <gtest/gtest.h>

#include <set>

namespace gauntlet {
namespace {

std::vector<ExtensionType> types(std::span<const ExtensionRow* const> rows) {
  std::vector<ExtensionType> out;
  for (const ExtensionRow* row : rows) out.push_back(row->type);
  return out;
}

std::vector<ExtensionType> types(const std::optional<Extensions>& block) {
  std::vector<ExtensionType> out;
  if (block)
    for (const Extension& e : block->list) out.push_back(e.type);
  return out;
}

TEST(ExtensionTable, EveryRowHasTheHooksItsRepliesNeed) {
  for (const ExtensionRow* row : client_hello_order()) {
    SCOPED_TRACE(iana_name(row->type));
    // Every extension the engine negotiates is one its client offers.
    EXPECT_NE(row->add_to_client_hello, nullptr);
    const bool replies = (row->replies_in | row->tls13_replies_in) != 0;
    EXPECT_EQ(row->add_to_reply != nullptr, replies);
    EXPECT_EQ(row->on_reply != nullptr, replies);
    // A row that never answers must at least read the ClientHello.
    if (!replies) {
      EXPECT_NE(row->on_client_hello, nullptr);
    }
    EXPECT_EQ(row->replies_in & ~in(ExtensionContext::server_hello), 0u)
        << "TLS 1.2 rows reply in ServerHello only";
    EXPECT_EQ(row->tls13_replies_in & ~(in(ExtensionContext::server_hello) |
                                        in(ExtensionContext::hello_retry_request) |
                                        in(ExtensionContext::encrypted_extensions)),
              0u)
        << "TLS 1.3 rows reply in ServerHello, HelloRetryRequest or EncryptedExtensions";
  }
}

TEST(ExtensionTable, NoTypeTwiceAndBothOrdersHoldTheSameRows) {
  const auto hello = types(client_hello_order());
  const std::set<ExtensionType> unique(hello.begin(), hello.end());
  EXPECT_EQ(unique.size(), hello.size());
  const auto server = types(server_order());
  EXPECT_EQ(std::set<ExtensionType>(server.begin(), server.end()), unique);
  EXPECT_EQ(server.size(), hello.size());
  for (const ExtensionRow* row : client_hello_order()) EXPECT_EQ(find_row(row->type), row);
  EXPECT_EQ(find_row(ExtensionType::heartbeat), nullptr);
}

// The wire order of both hellos is the table's; it must not move (the fuzz
// corpora and captures depend on our exact bytes).
TEST(ExtensionTable, ClientHelloAndServerHelloOrder) {
  using T = ExtensionType;
  EXPECT_EQ(types(client_hello_order()),
            (std::vector<T>{T::server_name, T::ec_point_formats, T::supported_groups,
                            T::session_ticket, T::signature_algorithms,
                            T::signature_algorithms_cert,
                            T::application_layer_protocol_negotiation, T::encrypt_then_mac,
                            T::extended_master_secret, T::max_fragment_length,
                            T::record_size_limit, T::renegotiation_info,
                            T::supported_versions, T::key_share, T::cookie, T::early_data,
                            T::psk_key_exchange_modes, T::post_handshake_auth,
                            T::pre_shared_key}));
  EXPECT_EQ(types(server_order()),
            (std::vector<T>{T::key_share, T::cookie, T::supported_versions, T::pre_shared_key,
                            T::early_data,
                            T::renegotiation_info, T::extended_master_secret, T::encrypt_then_mac,
                            T::session_ticket, T::application_layer_protocol_negotiation,
                            T::server_name, T::max_fragment_length, T::record_size_limit,
                            T::ec_point_formats, T::supported_groups,
                            T::signature_algorithms, T::signature_algorithms_cert,
                            T::psk_key_exchange_modes,
                            T::post_handshake_auth}));
}

// A scope over a default Config and a fresh handshake, for hooks alone.
struct Fixture {
  Config config;
  HelloState hs;
  ClientOptions options;
  bool secure_renegotiation = false;
  Bytes client_verify_data, server_verify_data;

  HelloScope scope(bool renegotiating = false) {
    return HelloScope{.config = config,
                      .hs = hs,
                      .options = options,
                      .renegotiating = renegotiating,
                      .secure_renegotiation = secure_renegotiation,
                      .client_verify_data = client_verify_data,
                      .server_verify_data = server_verify_data};
  }
};

Extensions block(std::initializer_list<Extension> list) { return Extensions{list}; }

TEST(ExtensionTable, ClientHelloCarriesOnlyWhatTheConfigAsks) {
  Fixture f;
  f.config.groups = {};
  f.config.alpn = {"h2"};
  f.config.encrypt_then_mac = false;
  // A client capped at TLS 1.1: none of TLS 1.3's extensions.
  f.config.max_version = ProtocolVersion::tls11;
  f.hs.client_hello.legacy_version = ProtocolVersion::tls11;
  using T = ExtensionType;
  EXPECT_EQ(types(client_hello_extensions(f.scope(), /*tls=*/true)),
            (std::vector<T>{T::session_ticket, T::application_layer_protocol_negotiation,
                            T::extended_master_secret, T::renegotiation_info}));
  // SSL 3.0: nothing, but renegotiation_info in a secure renegotiation
  // (RFC 5746 §4.5).
  EXPECT_EQ(client_hello_extensions(f.scope(), /*tls=*/false), std::nullopt);
  f.secure_renegotiation = true;
  f.client_verify_data = Bytes(12, 7);
  const auto renegotiation = client_hello_extensions(f.scope(/*renegotiating=*/true), false);
  ASSERT_EQ(types(renegotiation), std::vector<T>{T::renegotiation_info});
  EXPECT_EQ(std::get<RenegotiationInfo>(renegotiation->list[0].body).renegotiated_connection,
            f.client_verify_data);
}

TEST(ExtensionTable, UnsolicitedExtensionIsUnsupportedExtension) {
  ClientHello ours;
  ours.extensions = block({{ExtensionType::extended_master_secret, ExtendedMasterSecret{}}});
  EXPECT_TRUE(check_solicited(ours, block({{ExtensionType::extended_master_secret,
                                            ExtendedMasterSecret{}}})));

  const Status st = check_solicited(
      ours, block({{ExtensionType::extended_master_secret, ExtendedMasterSecret{}},
                   {ExtensionType::application_layer_protocol_negotiation, Alpn{{"h2"}}}}));
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().alert, AlertDescription::unsupported_extension);

  // An extension no row knows is judged the same way.
  EXPECT_FALSE(check_solicited(ours, block({{static_cast<ExtensionType>(0x7a7a), RawExtension{}}})));
}

TEST(ExtensionTable, TheScsvAsksForRenegotiationInfo) {
  ClientHello ours;
  const Extensions reply = block({{ExtensionType::renegotiation_info, RenegotiationInfo{}}});
  EXPECT_FALSE(check_solicited(ours, reply));
  ours.cipher_suites = {CipherSuite::empty_renegotiation_info_scsv};
  EXPECT_TRUE(check_solicited(ours, reply));
}

TEST(ExtensionTable, ReplyIsCheckedBeforeAnyRowReadsIt) {
  Fixture f;
  f.config.require_extended_master_secret = true;
  // ALPN not offered and extended_master_secret missing: the unsolicited
  // extension is what the client answers.
  HelloScope s = f.scope();
  const Status st =
      on_reply(s, ExtensionContext::server_hello,
               block({{ExtensionType::application_layer_protocol_negotiation, Alpn{{"h2"}}}}));
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().alert, AlertDescription::unsupported_extension);
}

TEST(ExtensionTable, AbsentExtensionsAreJudgedAfterPresentOnes) {
  Fixture f;
  f.config.require_extended_master_secret = true;
  f.config.alpn = {"h2"};
  f.hs.client_hello.extensions =
      block({{ExtensionType::application_layer_protocol_negotiation, Alpn{{"h2"}}},
             {ExtensionType::extended_master_secret, ExtendedMasterSecret{}}});
  HelloScope s = f.scope();
  // A wrong ALPN answer is found before the missing extended_master_secret.
  Status st = on_reply(s, ExtensionContext::server_hello,
                       block({{ExtensionType::application_layer_protocol_negotiation,
                               Alpn{{"http/1.1"}}}}));
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().alert, AlertDescription::illegal_parameter);

  st = on_reply(s, ExtensionContext::server_hello, std::nullopt);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().alert, AlertDescription::handshake_failure);
}

// RFC 8446 §4.2.10: a server takes 0-RTT data only with the first
// identity; early_data in EncryptedExtensions with another is
// illegal_parameter.
TEST(ExtensionTable, EarlyDataAcceptedOnlyWithTheFirstIdentity) {
  Fixture f;
  f.hs.version = ProtocolVersion::tls13;
  f.hs.client_hello.extensions = block({{ExtensionType::early_data, EarlyDataIndication{}}});
  const auto accepted = block({{ExtensionType::early_data, EarlyDataIndication{}}});
  f.hs.selected_psk = 1;
  HelloScope s = f.scope();
  Status st = on_reply(s, ExtensionContext::encrypted_extensions, accepted);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().alert, AlertDescription::illegal_parameter);

  f.hs.selected_psk = 0;
  HelloScope first = f.scope();
  EXPECT_TRUE(on_reply(first, ExtensionContext::encrypted_extensions, accepted));
  EXPECT_TRUE(f.hs.early_data_accepted);
}

}  // namespace
}  // namespace gauntlet
