#include "fuzz/stateful/variants.h"

#include <fstream>
#include <utility>

namespace gauntlet::fuzzing {

void pin(Variant v, Settings& s) {
  switch (v) {
    case Variant::any:
      break;
    case Variant::client_auth:
      s.client_auth = true;
      break;
    case Variant::tickets:
      s.tickets = true;
      break;
    case Variant::ssl3:
      s.max_version = ProtocolVersion::ssl3;
      break;
    case Variant::tls10_11:
      // TLS 1.0 and 1.1 share their handshake (RFC 4346 §1.1 lists only
      // record-layer changes); the header's version bit keeps choosing.
      if (s.max_version != ProtocolVersion::tls11) s.max_version = ProtocolVersion::tls10;
      break;
    case Variant::tls12:
      s.max_version = ProtocolVersion::tls12;
      break;
    case Variant::ssl2:
      s.min_version = s.max_version = ProtocolVersion::ssl2;
      break;
    case Variant::tls13:
      s.max_version = ProtocolVersion::tls13;
      break;
    case Variant::tls13_hrr:
      s.max_version = ProtocolVersion::tls13;
      s.hello_retry = true;
      break;
    case Variant::tls13_psk:
      s.max_version = ProtocolVersion::tls13;
      s.resumption = s.tickets = true;
      break;
    case Variant::tls13_client_auth:
      s.max_version = ProtocolVersion::tls13;
      s.post_handshake_auth = true;
      break;
  }
}

bool matches(Variant v, const Settings& s) {
  Settings pinned = s;
  pin(v, pinned);
  return pinned == s && (v == Variant::ssl2) == (s.min_version == ProtocolVersion::ssl2);
}

namespace {

// Each variant's target name, after the role's.
constexpr std::pair<Variant, const char*> kSuffixes[] = {
    {Variant::any, ""},
    {Variant::client_auth, "_client_auth"},
    {Variant::tickets, "_tickets"},
    {Variant::ssl3, "_ssl3"},
    {Variant::tls10_11, "_tls10_11"},
    {Variant::tls12, "_tls12"},
    {Variant::ssl2, "_ssl2"},
    {Variant::tls13, "_tls13"},
    {Variant::tls13_hrr, "_tls13_hrr"},
    {Variant::tls13_psk, "_tls13_psk"},
    {Variant::tls13_client_auth, "_tls13_client_auth"},
};

}  // namespace

int save_seed(const std::filesystem::path& corpora, const std::string& role,
              const std::string& name, const Settings& s, ByteView stream) {
  Bytes input = s.serialize();
  input.insert(input.end(), stream.begin(), stream.end());
  int written = 0;
  for (const auto& [variant, suffix] : kSuffixes) {
    if (!matches(variant, s)) continue;
    const std::filesystem::path dir = corpora / (role + suffix);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(input.data()),
               static_cast<std::streamsize>(input.size()));
    ++written;
  }
  return written;
}

void fuzz_client(const uint8_t* data, size_t size, Variant v) {
  Reader r(ByteView(data, size));
  auto settings = Settings::parse(r);
  if (!settings) return;
  pin(v, *settings);
  Connection client = Connection::client(client_config(*settings), client_options(*settings));
  (void)client.take_output();
  run(client, r.rest(), *settings);
}

void fuzz_server(const uint8_t* data, size_t size, Variant v) {
  Reader r(ByteView(data, size));
  auto settings = Settings::parse(r);
  if (!settings) return;
  pin(v, *settings);
  Connection server = Connection::server(server_config(*settings));
  run(server, r.rest(), *settings);
}

}  // namespace gauntlet::fuzzing
