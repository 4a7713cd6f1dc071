#include "engine/crypto/hash.h"

#include <gtest/gtest.h>

#include "engine/crypto/test_hex.h"

namespace gauntlet {
namespace {

struct HashVector {
  HashAlgorithm alg;
  size_t size;
  const char* abc;
  const char* empty;
};

// FIPS 180-2 / RFC 1321 "abc" and empty-message digests.
const HashVector kVectors[] = {
    {HashAlgorithm::md5, 16, "900150983cd24fb0d6963f7d28e17f72",
     "d41d8cd98f00b204e9800998ecf8427e"},
    {HashAlgorithm::sha1, 20, "a9993e364706816aba3e25717850c26c9cd0d89d",
     "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
    {HashAlgorithm::sha224, 28, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
     "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"},
    {HashAlgorithm::sha256, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {HashAlgorithm::sha384, 48,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c82"
     "5a7",
     "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b"
     "95b"},
    {HashAlgorithm::sha512, 64,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
     "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
     "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
};

TEST(Hash, KnownAnswers) {
  for (const HashVector& v : kVectors) {
    SCOPED_TRACE(hash_name(v.alg));
    EXPECT_EQ(digest_size(v.alg), v.size);
    EXPECT_EQ(hash(v.alg, text_bytes("abc")), hex(v.abc));
    EXPECT_EQ(hash(v.alg, {}), hex(v.empty));
    EXPECT_EQ(EVP_MD_get_size(evp_md(v.alg)), static_cast<int>(v.size));
  }
}

TEST(Hash, BlockSizes) {
  EXPECT_EQ(block_size(HashAlgorithm::md5), 64u);
  EXPECT_EQ(block_size(HashAlgorithm::sha1), 64u);
  EXPECT_EQ(block_size(HashAlgorithm::sha256), 64u);
  EXPECT_EQ(block_size(HashAlgorithm::sha384), 128u);
  EXPECT_EQ(block_size(HashAlgorithm::sha512), 128u);
  EXPECT_EQ(hash_name(HashAlgorithm::sha256), "SHA256");
}

TEST(Hash, IncrementalEqualsOneShot) {
  Hash h(HashAlgorithm::sha256);
  h.update(text_bytes("a"));
  h.update(text_bytes("bc"));
  EXPECT_EQ(h.digest(), hex(kVectors[3].abc));
}

TEST(Hash, DigestDoesNotFinalize) {
  Hash h(HashAlgorithm::sha1);
  h.update(text_bytes("ab"));
  Bytes early = h.digest();
  EXPECT_EQ(early, h.digest());
  h.update(text_bytes("c"));
  EXPECT_EQ(h.digest(), hex(kVectors[1].abc));
  EXPECT_EQ(early, hash(HashAlgorithm::sha1, text_bytes("ab")));
}

TEST(Hash, CopyForks) {
  Hash original(HashAlgorithm::md5);
  original.update(text_bytes("a"));
  Hash fork = original;
  fork.update(text_bytes("bc"));
  EXPECT_EQ(fork.digest(), hex(kVectors[0].abc));
  EXPECT_EQ(original.digest(), hash(HashAlgorithm::md5, text_bytes("a")));

  Hash assigned(HashAlgorithm::sha512);
  assigned = original;
  EXPECT_EQ(assigned.algorithm(), HashAlgorithm::md5);
  assigned.update(text_bytes("bc"));
  EXPECT_EQ(assigned.digest(), hex(kVectors[0].abc));
  EXPECT_EQ(original.digest(), hash(HashAlgorithm::md5, text_bytes("a")));
}

TEST(Hash, MoveKeepsState) {
  Hash h(HashAlgorithm::sha384);
  h.update(text_bytes("ab"));
  Hash moved = std::move(h);
  moved.update(text_bytes("c"));
  EXPECT_EQ(moved.digest(), hex(kVectors[4].abc));
}

TEST(Transcript, RunsEveryHash) {
  Transcript t;
  t.update(text_bytes("a"));
  t.update(text_bytes("bc"));
  for (const HashVector& v : kVectors) {
    SCOPED_TRACE(hash_name(v.alg));
    EXPECT_EQ(t.digest(v.alg), hex(v.abc));
  }
  EXPECT_EQ(t.messages(), text_bytes("abc"));
  EXPECT_EQ(t.running(HashAlgorithm::sha1).algorithm(), HashAlgorithm::sha1);
  EXPECT_EQ(t.running(HashAlgorithm::sha384).digest(), hex(kVectors[4].abc));
}

TEST(Transcript, AHashAskedForLateCoversEveryMessage) {
  Transcript t;
  t.update(text_bytes("a"));
  EXPECT_EQ(t.digest(HashAlgorithm::sha256), hash(HashAlgorithm::sha256, text_bytes("a")));
  t.update(text_bytes("b"));
  // SHA-256 runs from the first question on; MD5 starts now, from the messages.
  EXPECT_EQ(t.digest(HashAlgorithm::md5), hash(HashAlgorithm::md5, text_bytes("ab")));
  t.update(text_bytes("c"));
  EXPECT_EQ(t.digest(HashAlgorithm::sha256), hex(kVectors[3].abc));
  EXPECT_EQ(t.digest(HashAlgorithm::md5), hex(kVectors[0].abc));
  EXPECT_EQ(t.messages(), text_bytes("abc"));
}

TEST(Transcript, RunningForkIsIndependent) {
  Transcript t;
  t.update(text_bytes("ab"));
  Hash fork = t.running(HashAlgorithm::md5);
  fork.update(text_bytes("c"));
  EXPECT_EQ(fork.digest(), hex(kVectors[0].abc));
  EXPECT_EQ(t.digest(HashAlgorithm::md5), hash(HashAlgorithm::md5, text_bytes("ab")));
}

}  // namespace
}  // namespace gauntlet
