#include "engine/testing/wire_edit.h"

#include "engine/messages/framing/handshake_message.h"
#include "engine/record/record_header.h"

namespace gauntlet::test_support {

namespace {

enum class Action { edit, drop, duplicate, insert };

// Walks the flight's records; `act` decides per cleartext handshake message.
Bytes rewrite(ByteView flight, std::optional<HandshakeType> type, Action action,
              const BodyEdit& edit, ByteView inserted) {
  Bytes out;
  Reader in(flight);
  bool encrypted = false, done = false;
  auto append = [&out](const Bytes& b) { out.insert(out.end(), b.begin(), b.end()); };
  while (!in.empty()) {
    const ByteView before = in.rest();
    auto rec = read_record(in);
    if (!rec || !rec->has_value()) {
      append(Bytes(before.begin(), before.end()));
      break;
    }
    const Record& r = **rec;
    if (r.type == ContentType::change_cipher_spec) encrypted = true;
    if (r.type != ContentType::handshake || encrypted || done) {
      append(write_record(r.type, r.version, r.fragment));
      continue;
    }
    Reader msgs(r.fragment);
    while (!msgs.empty()) {
      uint8_t t = 0;
      uint32_t len = 0;
      ByteView body;
      if (!msgs.u8(t) || !msgs.u24(len) || !msgs.bytes(len, body)) break;
      HandshakeMessage m{static_cast<HandshakeType>(t), Bytes(body.begin(), body.end())};
      const bool hit = !done && type && m.type == *type;
      if (hit) done = true;
      if (hit && action == Action::insert) append(Bytes(inserted.begin(), inserted.end()));
      if (hit && action == Action::edit) edit(m.body);
      if (hit && action == Action::drop) continue;
      const Bytes framed = write_record(ContentType::handshake, r.version, m.serialize());
      append(framed);
      if (hit && action == Action::duplicate) append(framed);
    }
  }
  if (action == Action::insert && !done) append(Bytes(inserted.begin(), inserted.end()));
  return out;
}

}  // namespace

Bytes edit_message(ByteView flight, HandshakeType type, const BodyEdit& edit) {
  return rewrite(flight, type, Action::edit, edit, {});
}
Bytes drop_message(ByteView flight, HandshakeType type) {
  return rewrite(flight, type, Action::drop, {}, {});
}
Bytes duplicate_message(ByteView flight, HandshakeType type) {
  return rewrite(flight, type, Action::duplicate, {}, {});
}
Bytes insert_before(ByteView flight, std::optional<HandshakeType> type, ByteView record) {
  return rewrite(flight, type, Action::insert, {}, record);
}

Bytes plain_record(ContentType type, ProtocolVersion version, ByteView body) {
  return write_record(type, version, body);
}

bool pump_edited(Connection& client, Connection& server, const FlightEdit& edit) {
  for (int round = 0; round < 64; ++round) {
    if (!client.has_output() && !server.has_output()) return true;
    if (client.has_output()) (void)server.receive(edit(Role::client, client.take_output()));
    if (server.has_output()) (void)client.receive(edit(Role::server, server.take_output()));
  }
  return false;
}

}  // namespace gauntlet::test_support
