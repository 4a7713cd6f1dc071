// The pool of decoded certificates: the same bytes share one X509 object,
// other bytes (another certificate, or the same one with a byte changed) do
// not, failures are not kept, the least recently used entry goes first past
// either bound (entries, DER bytes), and threads decoding the same bytes at
// once end with one object.
#include "engine/crypto/certificate_pool.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "engine/crypto/test_pki.h"

namespace gauntlet {
namespace {

Bytes der_of(const std::string& file, size_t index = 0) {
  return test_certificates(file).at(index).der();
}

TEST(CertificatePool, SameBytesShareOneCertificate) {
  CertificatePool pool;
  const Bytes leaf = der_of("server-rsa-chain.pem");
  auto first = pool.decode(leaf);
  auto second = pool.decode(Bytes(leaf));  // equal bytes, another buffer
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(first->der(), leaf);
  EXPECT_EQ(pool.size(), 1u);
}

TEST(CertificatePool, OtherBytesDecodeAnew) {
  CertificatePool pool;
  const Bytes leaf = der_of("server-rsa-chain.pem", 0);
  const Bytes intermediate = der_of("server-rsa-chain.pem", 1);
  auto a = pool.decode(leaf);
  auto b = pool.decode(intermediate);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->get(), b->get());
  EXPECT_EQ(b->subject(), "CN=intermediate-ca,O=Gauntlet test");
  // One bit of the signature flipped still decodes, and must not be taken
  // for the certificate it was made from: verification judges it.
  Bytes tampered = leaf;
  tampered.back() ^= 0x01;
  auto c = pool.decode(tampered);
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_NE(c->get(), a->get());
  EXPECT_EQ(c->der(), tampered);
  EXPECT_EQ(pool.size(), 3u);
}

TEST(CertificatePool, FailuresAreNotKept) {
  CertificatePool pool;
  Bytes leaf = der_of("server-rsa-chain.pem");
  leaf.push_back(0x00);  // trailing byte
  auto bad = pool.decode(leaf);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().alert, AlertDescription::bad_certificate);
  EXPECT_FALSE(pool.decode(Bytes{0x30, 0x03, 0x02, 0x01}).ok());
  EXPECT_EQ(pool.size(), 0u);
}

TEST(CertificatePool, LeastRecentlyUsedGoesFirst) {
  CertificatePool pool(2);
  const Bytes leaf = der_of("server-rsa-chain.pem", 0);
  const Bytes intermediate = der_of("server-rsa-chain.pem", 1);
  const Bytes root = der_of("root-ca.pem");
  auto kept = pool.decode(leaf);
  ASSERT_TRUE(kept.ok());
  ASSERT_TRUE(pool.decode(intermediate).ok());
  ASSERT_TRUE(pool.decode(leaf).ok());  // leaf is now the most recent
  ASSERT_TRUE(pool.decode(root).ok());  // evicts the intermediate
  EXPECT_EQ(pool.size(), 2u);
  EXPECT_EQ(pool.decode(leaf)->get(), kept->get());
}

TEST(CertificatePool, BytesBoundEvictsAndSkipsTheOversized) {
  const Bytes leaf = der_of("server-rsa-chain.pem", 0);
  const Bytes intermediate = der_of("server-rsa-chain.pem", 1);
  const Bytes root = der_of("root-ca.pem");
  const size_t bound = leaf.size() + intermediate.size();
  CertificatePool pool(64, bound);
  auto first_leaf = pool.decode(leaf);
  ASSERT_TRUE(first_leaf.ok());
  ASSERT_TRUE(pool.decode(intermediate).ok());
  EXPECT_EQ(pool.bytes(), bound);
  auto kept_root = pool.decode(root);  // over the bound: the leaf goes first
  ASSERT_TRUE(kept_root.ok());
  EXPECT_LE(pool.bytes(), bound);
  EXPECT_EQ(pool.decode(root)->get(), kept_root->get());
  EXPECT_NE(pool.decode(leaf)->get(), first_leaf->get());

  CertificatePool small(64, leaf.size() - 1);
  auto a = small.decode(leaf);
  auto b = small.decode(leaf);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->get(), b->get());
  EXPECT_EQ(small.size(), 0u);
  EXPECT_EQ(small.bytes(), 0u);
}

TEST(CertificatePool, WithoutCapacityKeepsNothing) {
  CertificatePool pool(0);
  const Bytes leaf = der_of("server-rsa-chain.pem");
  auto a = pool.decode(leaf);
  auto b = pool.decode(leaf);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->get(), b->get());
  EXPECT_EQ(pool.size(), 0u);
}

TEST(CertificatePool, ThreadsDecodingAtOnceShareOneCertificate) {
  CertificatePool pool;
  const Bytes leaf = der_of("server-rsa-chain.pem");
  constexpr int kThreads = 8;
  // Each thread's last look-up; the pool keeps the object alive.
  std::vector<X509*> seen(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto c = pool.decode(leaf);
        ASSERT_TRUE(c.ok());
        seen[t] = c->get();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(pool.size(), 1u);
  for (X509* x : seen) EXPECT_EQ(x, seen.front());
}

}  // namespace
}  // namespace gauntlet
