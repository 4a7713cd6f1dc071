// An engine SSL 2.0 handshake read off the wire and checked against the
// spec's formulas computed here with libcrypto directly (SSL 2.0 spec §1.2,
// §2.5): KEY-MATERIAL-i = MD5(MASTER-KEY ‖ "i" ‖ CHALLENGE ‖ CONNECTION-ID),
// CLIENT-WRITE-KEY its second key's worth, and the client's CLIENT-FINISHED
// record decrypted under it with MAC-DATA = MD5(CLIENT-WRITE-KEY ‖ data ‖
// padding ‖ sequence number 2): CLIENT-HELLO and CLIENT-MASTER-KEY, sent in
// the clear, are numbers 0 and 1.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "engine/connection/connection.h"
#include "engine/connection/ssl2/ssl2_test_configs.h"
#include "engine/crypto/openssl_ptr.h"
#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/client_master_key.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/record/record_header.h"

namespace gauntlet {
namespace {

Bytes md5(ByteView data) {
  Bytes out(16);
  unsigned int len = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_md5(), nullptr), 1);
  return out;
}

void append(Bytes& out, ByteView b) { out.insert(out.end(), b.begin(), b.end()); }

// The first record of `wire` (its body), and `wire` advanced past it.
Bytes next_record(ByteView& wire, size_t* padding = nullptr) {
  auto header = read_ssl2_header(wire);
  EXPECT_TRUE(header.ok() && header->has_value());
  const Ssl2RecordHeader h = **header;
  if (padding) *padding = h.padding;
  Bytes body(wire.begin() + h.header_size, wire.begin() + h.header_size + h.length);
  wire = wire.subspan(h.header_size + h.length);
  return body;
}

struct Case {
  Ssl2CipherKind kind;
  const char* evp;
};

class Ssl2Wire : public testing::TestWithParam<Case> {};

TEST_P(Ssl2Wire, KeysAndClientFinishedFollowTheSpec) {
  const Ssl2CipherKindInfo& info = *ssl2_cipher_kind_info(GetParam().kind);
  Connection client = Connection::client(ssl2_test::client({info.kind}), {"localhost", {}});
  Connection server = Connection::server(ssl2_test::server());

  const Bytes hello_wire = client.take_output();
  ByteView w = hello_wire;
  auto hello = Ssl2ClientHello::parse(next_record(w));
  ASSERT_TRUE(hello.ok());
  ASSERT_TRUE(server.receive(hello_wire).ok());
  const Bytes server_hello_wire = server.take_output();
  w = server_hello_wire;
  auto server_hello = Ssl2ServerHello::parse(next_record(w));
  ASSERT_TRUE(server_hello.ok());
  ASSERT_TRUE(client.receive(server_hello_wire).ok());
  const Bytes flight = client.take_output();
  ASSERT_TRUE(server.receive(flight).ok());
  ASSERT_TRUE(client.receive(server.take_output()).ok());
  ASSERT_TRUE(client.handshake_done() && server.handshake_done()) << test_support::why(server);

  w = flight;
  auto cmk = Ssl2ClientMasterKey::parse(next_record(w));
  ASSERT_TRUE(cmk.ok());
  size_t padding = 0;
  Bytes finished = next_record(w, &padding);
  const Bytes master = client.negotiated().master_secret;
  ASSERT_EQ(master.size(), info.key_size);
  EXPECT_EQ(Bytes(master.begin(), master.begin() + info.clear_key_size), cmk->clear_key);

  Bytes material;
  for (char i = '0'; material.size() < 2 * info.key_size; ++i) {
    Bytes input = master;
    input.push_back(static_cast<uint8_t>(i));
    append(input, hello->challenge);
    append(input, server_hello->connection_id);
    append(material, md5(input));
  }
  const Bytes client_write(material.begin() + info.key_size, material.begin() + 2 * info.key_size);

  EvpCipherPtr cipher(EVP_CIPHER_fetch(nullptr, GetParam().evp, nullptr));
  ASSERT_TRUE(cipher);
  EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  ASSERT_EQ(EVP_DecryptInit_ex2(ctx.get(), cipher.get(), nullptr, nullptr, nullptr), 1);
  ASSERT_EQ(EVP_CIPHER_CTX_set_key_length(ctx.get(), static_cast<int>(info.key_size)), 1);
  if (info.cipher == Ssl2BulkCipher::rc2_cbc) {
    ASSERT_EQ(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_SET_RC2_KEY_BITS, 128, nullptr), 1);
  }
  ASSERT_EQ(EVP_DecryptInit_ex2(ctx.get(), nullptr, client_write.data(),
                                cmk->key_arg.empty() ? nullptr : cmk->key_arg.data(), nullptr),
            1);
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  Bytes plain(finished.size());
  int n = 0;
  ASSERT_EQ(EVP_DecryptUpdate(ctx.get(), plain.data(), &n, finished.data(),
                              static_cast<int>(finished.size())),
            1);
  ASSERT_EQ(static_cast<size_t>(n), finished.size());

  const Bytes data(plain.begin() + 16, plain.end() - static_cast<std::ptrdiff_t>(padding));
  Bytes expected_data{0x03};  // CLIENT-FINISHED, then CONNECTION-ID
  append(expected_data, server_hello->connection_id);
  EXPECT_EQ(data, expected_data);
  Bytes mac_input = client_write;
  append(mac_input, ByteView(plain).subspan(16));  // data and padding
  append(mac_input, Bytes{0, 0, 0, 2});
  EXPECT_EQ(Bytes(plain.begin(), plain.begin() + 16), md5(mac_input));
}

INSTANTIATE_TEST_SUITE_P(Kinds, Ssl2Wire,
                         testing::Values(Case{Ssl2CipherKind::rc4_128_with_md5, "RC4"},
                                         Case{Ssl2CipherKind::rc4_128_export40_with_md5, "RC4"},
                                         Case{Ssl2CipherKind::rc2_128_cbc_with_md5, "RC2-CBC"},
                                         Case{Ssl2CipherKind::des_64_cbc_with_md5, "DES-CBC"},
                                         Case{Ssl2CipherKind::des_192_ede3_cbc_with_md5,
                                              "DES-EDE3-CBC"}),
                         [](const auto& i) { return std::to_string(i.index); });

}  // namespace
}  // namespace gauntlet
