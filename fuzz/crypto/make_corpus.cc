// Writes the seed corpora of the targets that open protected data under the
// fixed keys: open_<mode>/ (records sealed in every variant of the mode),
// open_ssl2/ (SSL 2.0 records in the clear and under each cipher kind, in
// both header forms), and
// session_ticket/ (tickets in each of the target's three input forms), and
// key_share_value/ (per group a peer's value, all zeros, all ones, one byte
// short), and seal_tls13/ (shapes for each AEAD and the clear form: padded,
// tag flipped, type 0 and unknown, past the limits of §5.2 and §5.5).
// Usage: make_corpus CORPORA_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/connection/ephemeral_key.h"
#include "engine/record/record_header.h"
#include "fuzz/crypto/fixed_keys.h"
#include "fuzz/crypto/key_share_groups.h"

namespace gauntlet::fuzzing {
namespace {

void save(const std::filesystem::path& dir, const std::string& name, uint8_t selector,
          ByteView body) {
  std::filesystem::create_directories(dir);
  Bytes input{selector};
  input.insert(input.end(), body.begin(), body.end());
  std::ofstream(dir / name, std::ios::binary)
      .write(reinterpret_cast<const char*>(input.data()), static_cast<std::streamsize>(input.size()));
}

int write_records(const std::filesystem::path& corpora) {
  const std::pair<ProtectionMode, const char*> modes[] = {{ProtectionMode::null, "null"},
                                                          {ProtectionMode::stream, "stream"},
                                                          {ProtectionMode::cbc, "cbc"},
                                                          {ProtectionMode::aead, "aead"},
                                                          {ProtectionMode::tls13, "tls13"}};
  const Bytes plaintexts[] = {{}, {'h', 'e', 'l', 'l', 'o'}, Bytes(300, 0x70)};
  int written = 0;
  for (const auto& [mode, name] : modes) {
    const auto& variants = protection_variants(mode);
    for (size_t i = 0; i < variants.size(); ++i) {
      const ProtocolVersion wire = variants[i].version == ProtocolVersion::tls13
                                       ? ProtocolVersion::tls12
                                       : variants[i].version;
      for (size_t p = 0; p < std::size(plaintexts); ++p) {
        DeterministicRandom random(p);
        auto sealer = fixed_protection(variants[i], CipherDirection::encrypt, random);
        auto sealed = sealer->seal(ContentType::application_data, wire, plaintexts[p]);
        if (!sealed) {
          std::fprintf(stderr, "cannot seal %s variant %zu\n", name, i);
          return -1;
        }
        save(corpora / ("open_" + std::string(name)),
             std::to_string(i) + "-" + std::to_string(plaintexts[p].size()),
             static_cast<uint8_t>(i), *sealed);
        ++written;
      }
    }
    // A handshake record (the selector's type bits, 1); and for TLS 1.3 the
    // inner types the fuzzer cannot forge under the tag: none at all (only
    // zeros, RFC 8446 §5.4) and an unknown one.
    const std::pair<uint8_t, const char*> specials[] = {{22, "handshake"}, {0, "no-type"},
                                                         {99, "unknown-type"}};
    for (const auto& [type, label] : specials) {
      if (type != 22 && mode != ProtectionMode::tls13) continue;
      const ProtocolVersion wire = mode == ProtectionMode::tls13 ? ProtocolVersion::tls12
                                                                 : variants[0].version;
      DeterministicRandom random(0);
      auto sealer = fixed_protection(variants[0], CipherDirection::encrypt, random);
      const Bytes body = type == 0 ? Bytes{} : Bytes{'h', 's'};
      auto sealed = sealer->seal(static_cast<ContentType>(type), wire, body);
      if (!sealed) return -1;
      const bool handshake_outer = type == 22 && mode != ProtectionMode::tls13;
      save(corpora / ("open_" + std::string(name)), label,
           handshake_outer ? uint8_t{0x10} : uint8_t{0}, *sealed);
      ++written;
    }
  }
  return written;
}

int write_tickets(const std::filesystem::path& corpora) {
  Session plain;
  plain.version = ProtocolVersion::tls12;
  plain.suite = CipherSuite::ecdhe_rsa_with_aes_128_gcm_sha256;
  plain.master_secret = Bytes(48, 0x4d);
  plain.created = 1800000000;
  plain.lifetime = 7200;
  Session full = plain;
  full.version = ProtocolVersion::ssl3;
  full.suite = CipherSuite::rsa_with_aes_128_cbc_sha;
  full.extended_master_secret = true;
  full.server_name = "localhost";
  full.peer_chain = {Bytes(40, 0x30), Bytes(3, 0x31)};
  const TicketKeys keys(fixed_ticket_key());
  DeterministicRandom random(0);
  const std::filesystem::path dir = corpora / "session_ticket";
  int written = 0;
  for (const auto& [name, session] : {std::pair{"plain", plain}, std::pair{"full", full}}) {
    auto ticket = keys.seal(session, random);
    if (!ticket) return -1;
    // key_name[16] || IV[16] || u16 length || state || HMAC[32] (RFC 5077 §4)
    const ByteView encrypted = ByteView(*ticket).subspan(34, ticket->size() - 34 - 32);
    const Bytes state = session.serialize_state();
    save(dir, std::string(name) + "-ticket", 0, *ticket);
    save(dir, std::string(name) + "-encrypted", 1, encrypted);
    save(dir, std::string(name) + "-state", 2, state);
    written += 3;
  }
  return written;
}

int write_key_shares(const std::filesystem::path& corpora) {
  const std::filesystem::path dir = corpora / "key_share_value";
  DeterministicRandom random(1);
  int written = 0;
  for (size_t g = 0; g < kKeyShareGroups.size(); ++g) {
    auto peer = EphemeralKey::generate_tls13(kKeyShareGroups[g].group, random);
    if (!peer) return -1;
    const Bytes value = peer->public_value();
    const std::string name = iana_name(kKeyShareGroups[g].group);
    const auto selector = static_cast<uint8_t>(g);
    save(dir, name, selector, value);
    save(dir, name + "-zeros", selector, Bytes(value.size(), 0));
    save(dir, name + "-ones", selector, Bytes(value.size(), 0xff));
    save(dir, name + "-short", selector, ByteView(value).first(value.size() - 1));
    written += 4;
  }
  return written;
}

// seal_tls13's inputs (fuzz/seal_tls13.cc): variant, inner type, u16
// padding, plaintext.
int write_shapes(const std::filesystem::path& corpora) {
  struct Shape {
    const char* name;
    uint8_t sequence;  // 0: 0, 1: within the KeyUpdate headroom, 2: last record, 3: spent
    bool flip;
    uint8_t type;
    uint16_t padding;
    Bytes plaintext;
  };
  const Bytes hello{'h', 'e', 'l', 'l', 'o'};
  const Shape shapes[] = {
      {"data", 0, false, 23, 0, hello},
      {"handshake-padded-flipped", 0, true, 22, 300, hello},
      {"type-0", 0, false, 0, 3, {'h', 'i', 22, 0}},
      {"unknown-type", 0, false, 0x99, 0, hello},
      {"alert-near-limit-padded", 1, false, 21, 16000, {2, 40}},
      {"last-record-overflowing", 2, false, 23, 17000, hello},
      {"spent-key", 3, false, 23, 0, hello},
      {"plaintext-over-2-14", 0, false, 23, 0, Bytes(kMaxPlaintext + 1, 0x70)},
  };
  const std::filesystem::path dir = corpora / "seal_tls13";
  const size_t variants = protection_variants(ProtectionMode::tls13).size() + 1;  // + the clear
  int written = 0;
  for (size_t v = 0; v < variants; ++v) {
    for (const Shape& shape : shapes) {
      Bytes body{shape.type, static_cast<uint8_t>(shape.padding >> 8),
                 static_cast<uint8_t>(shape.padding)};
      body.insert(body.end(), shape.plaintext.begin(), shape.plaintext.end());
      const auto selector =
          static_cast<uint8_t>(v | (shape.flip ? 0x08 : 0) | shape.sequence << 4);
      save(dir, std::to_string(v) + "-" + shape.name, selector, body);
      ++written;
    }
  }
  return written;
}

int write_ssl2_records(const std::filesystem::path& corpora) {
  const Bytes plaintexts[] = {{'h', 'e', 'l', 'l', 'o'}, Bytes(300, 0x70)};
  int written = 0;
  const auto& variants = ssl2_variants();
  for (size_t i = 0; i < variants.size(); ++i) {
    for (const Ssl2HeaderForm form : {Ssl2HeaderForm::two_byte, Ssl2HeaderForm::three_byte}) {
      for (const Bytes& plaintext : plaintexts) {
        auto sealed = fixed_ssl2_protection(variants[i], CipherDirection::encrypt)
                          .seal(plaintext, form);
        if (!sealed) {
          std::fprintf(stderr, "cannot seal SSL 2.0 variant %zu\n", i);
          return -1;
        }
        save(corpora / "open_ssl2",
             std::to_string(i) + (form == Ssl2HeaderForm::two_byte ? "-2-" : "-3-") +
                 std::to_string(plaintext.size()),
             static_cast<uint8_t>(i), *sealed);
        ++written;
      }
    }
  }
  return written;
}

}  // namespace
}  // namespace gauntlet::fuzzing

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPORA_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out(argv[1]);
  const int records = gauntlet::fuzzing::write_records(out);
  const int tickets = gauntlet::fuzzing::write_tickets(out);
  const int shares = gauntlet::fuzzing::write_key_shares(out);
  const int shapes = gauntlet::fuzzing::write_shapes(out);
  const int ssl2 = gauntlet::fuzzing::write_ssl2_records(out);
  if (records < 0 || tickets < 0 || shares < 0 || shapes < 0 || ssl2 < 0) return 1;
  std::printf("wrote %d inputs under %s\n", records + tickets + shares + shapes + ssl2,
              out.c_str());
  return 0;
}
