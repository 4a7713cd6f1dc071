#include "fuzz/stateful/conversation.h"

namespace gauntlet::fuzzing {

Conversation converse(const Settings& s, const std::function<void(Config&)>& offer,
                      bool server_renegotiates, const std::function<void(Config&)>& serve) {
  Settings unpadded = s;
  unpadded.padding = RecordPadding::Mode::none;
  auto cc = client_config(unpadded);
  auto sc = server_config(unpadded);
  offer(*cc);
  if (serve) serve(*sc);
  Connection client = Connection::client(cc, client_options(s));
  Connection server = Connection::server(sc);
  Conversation t;
  auto exchange = [&] {
    for (int round = 0; round < 64 && (client.has_output() || server.has_output()); ++round) {
      const Bytes c = client.take_output();
      t.from_client.insert(t.from_client.end(), c.begin(), c.end());
      (void)server.receive(c);
      const Bytes b = server.take_output();
      t.from_server.insert(t.from_server.end(), b.begin(), b.end());
      (void)client.receive(b);
    }
  };
  exchange();
  if (client.state() == ConnectionState::established &&
      client.negotiated().version == ProtocolVersion::tls13) {
    // As the fuzzed side does (run()); neither renegotiates in TLS 1.3.
    if (s.after_handshake) {
      after_handshake(client, s);
      after_handshake(server, s);
    }
    exchange();
  } else if (client.state() == ConnectionState::established) {
    (void)client.write(Bytes{'h', 'i'});
    (void)server.write(Bytes{'o', 'k'});
    if (server_renegotiates) {
      (void)server.renegotiate();
    } else if (s.renegotiation) {
      (void)client.renegotiate();
    }
    exchange();
  }
  t.completed = client.handshake_done() && server.handshake_done() &&
                client.state() != ConnectionState::closed;
  t.client = client.negotiated();
  t.server = server.negotiated();
  t.client_read_key_updates = client.peer_key_updates();
  t.server_read_key_updates = server.peer_key_updates();
  return t;
}

std::vector<std::pair<std::string, Settings>> tls13_settings() {
  std::vector<std::pair<std::string, Settings>> all;
  auto add = [&](std::string name, auto set) {
    Settings s;
    s.max_version = ProtocolVersion::tls13;
    set(s);
    all.emplace_back(std::move(name), s);
  };
  add("1rtt", [](Settings&) {});
  add("client-auth", [](Settings& s) { s.client_auth = s.post_handshake_auth = true; });
  add("client-auth-then-post-handshake", [](Settings& s) {
    s.client_auth = s.require_client_auth = s.post_handshake_auth = s.after_handshake = true;
  });
  add("post-handshake-auth", [](Settings& s) { s.post_handshake_auth = s.after_handshake = true; });
  add("client-auth-verified", [](Settings& s) {
    s.client_auth = s.post_handshake_auth = s.verify_peer = s.signature_algorithms_cert = true;
  });
  add("post-handshake-auth-verified", [](Settings& s) {
    s.post_handshake_auth = s.after_handshake = s.verify_peer = s.signature_algorithms_cert = true;
  });
  add("hrr", [](Settings& s) { s.hello_retry = true; });
  add("real-keys", [](Settings& s) { s.after_handshake = s.real_keys = true; });
  add("real-keys-client-auth", [](Settings& s) {
    s.client_auth = s.post_handshake_auth = s.real_keys = s.verify_peer = true;
  });
  add("real-keys-psk", [](Settings& s) {
    s.real_keys = s.resumption = s.tickets = s.after_handshake = true;
  });
  add("psk-dhe", [](Settings& s) { s.resumption = s.tickets = true; });
  add("psk-ke", [](Settings& s) { s.resumption = s.tickets = s.psk_ke = true; });
  add("hrr-psk", [](Settings& s) { s.hello_retry = s.resumption = s.tickets = true; });
  add("key-update-no-compat", [](Settings& s) {
    s.after_handshake = true;
    s.middlebox_compat = false;
  });
  add("key-update-each-record", [](Settings& s) {
    s.after_handshake = s.tickets = s.key_update_each_record = true;
  });
  add("early-data", [](Settings& s) { s.resumption = s.tickets = s.early_data = true; });
  add("early-data-hrr", [](Settings& s) {
    s.resumption = s.tickets = s.early_data = s.hello_retry = true;
  });
  for (const auto& [name, mode] : {std::pair{"padding-to-block", RecordPadding::Mode::to_block},
                                   std::pair{"padding-random", RecordPadding::Mode::random},
                                   std::pair{"padding-maximal", RecordPadding::Mode::maximal}}) {
    add(name, [mode](Settings& s) {
      s.after_handshake = true;
      s.padding = mode;
    });
  }
  return all;
}

}  // namespace gauntlet::fuzzing
