#include "conformance/profile/session_probe.h"

#include <algorithm>

#include "engine/connection/config_builder.h"
#include "transport/connection_io.h"

namespace gauntlet::conformance {
namespace {

// One connection with our engine as the client, held open.
struct Live {
  net::Fd fd;
  Connection c;
};

class Client {
 public:
  Client(Endpoint server, std::string server_name, std::chrono::milliseconds timeout,
         std::shared_ptr<const Config> ids, std::shared_ptr<const Config> tickets)
      : server_(std::move(server)),
        name_(std::move(server_name)),
        timeout_(timeout),
        ids_(std::move(ids)),
        tickets_(std::move(tickets)) {}

  // A completed handshake, offering `session` if any; tickets offered or not.
  Result<Live> connect(bool offer_tickets, std::optional<Session> session = std::nullopt,
                       std::optional<std::chrono::milliseconds> timeout = std::nullopt) const {
    const auto deadline = net::deadline_in(timeout.value_or(timeout_));
    auto fd = net::connect_tcp(server_.host, server_.port, deadline);
    if (!fd) return fd.error();
    Live live{std::move(fd).value(),
              Connection::client(offer_tickets ? tickets_ : ids_, {name_, std::move(session)})};
    if (auto st = net::handshake(live.c, live.fd, deadline); !st) return st.error();
    return live;
  }

  // close_notify first, so no server has reason to forget the session.
  void finish(Live& live) const {
    live.c.close();
    (void)net::flush(live.c, live.fd, net::deadline_in(timeout_));
  }

  std::chrono::milliseconds timeout() const { return timeout_; }

 private:
  Endpoint server_;
  std::string name_;
  std::chrono::milliseconds timeout_;
  std::shared_ptr<const Config> ids_, tickets_;
};

// Resumed when the second handshake says so; false when it failed.
bool resumes(const Client& client, bool tickets, const std::optional<Session>& session) {
  if (!session) return false;
  auto again = client.connect(tickets, session);
  return again && again->c.negotiated().resumed;
}

// A request an HTTP server answers and an echo server returns.
constexpr std::string_view kRequest = "GET / HTTP/1.0\r\n\r\n";

std::string application_data(const Client& client) {
  auto live = client.connect(false);
  if (!live) return "no handshake: " + live.error().reason;
  const auto deadline = net::deadline_in(client.timeout());
  const ByteView request(reinterpret_cast<const uint8_t*>(kRequest.data()), kRequest.size());
  if (!live->c.write(request) || !net::flush(live->c, live->fd, deadline)) return "could not send";
  Bytes got;
  // Until the peer closes, or a second's silence after its first byte.
  for (;;) {
    const auto wait = got.empty() ? deadline : std::min(deadline, net::deadline_in(std::chrono::seconds(1)));
    auto open = net::read_once(live->c, live->fd, wait);
    const Bytes more = live->c.read();
    got.insert(got.end(), more.begin(), more.end());
    if (!open || !*open || live->c.state() != ConnectionState::established) break;
    if (got.size() >= 64 * 1024) break;
  }
  if (got.empty()) return live->c.state() == ConnectionState::established ? "no answer" : "closed without an answer";
  if (std::ranges::equal(got, request)) return "echoed";
  return "answered (" + std::to_string(got.size()) + " bytes)";
}

// RFC 5746 §4.4 / RFC 5246 §7.2.2: a server may refuse with a warning
// no_renegotiation and go on, or abort; silence is neither.
void renegotiation(const Client& client, SessionFindings& out) {
  auto live = client.connect(false);
  if (!live) {
    out.renegotiation = RenegotiationAnswer::closed;
    out.renegotiation_detail = live.error().reason;
    return;
  }
  Connection& c = live->c;
  const auto deadline = net::deadline_in(client.timeout());
  if (auto st = c.renegotiate(); !st) {
    out.renegotiation = RenegotiationAnswer::closed;
    out.renegotiation_detail = "our client could not start one: " + st.error().reason;
    return;
  }
  const int before = c.negotiated().handshakes;
  for (;;) {
    if (!net::flush(c, live->fd, deadline)) break;
    auto open = net::read_once(c, live->fd, deadline);
    if (c.negotiated().handshakes > before && c.state() == ConnectionState::established) {
      out.renegotiation = RenegotiationAnswer::completed;
      return;
    }
    if (std::ranges::find(c.peer_warnings(), AlertDescription::no_renegotiation) !=
        c.peer_warnings().end()) {
      out.renegotiation = RenegotiationAnswer::refused;
      out.renegotiation_detail = "warning no_renegotiation";
      return;
    }
    if (const auto alert = c.peer_alert()) {
      out.renegotiation = RenegotiationAnswer::aborted;
      out.renegotiation_detail = "fatal " + iana_name(*alert);
      return;
    }
    if (!open) {
      out.renegotiation = net::is_timeout(open.error()) ? RenegotiationAnswer::ignored : RenegotiationAnswer::closed;
      return;
    }
    if (!*open || c.state() != ConnectionState::established) {
      out.renegotiation = RenegotiationAnswer::closed;
      return;
    }
  }
  out.renegotiation = RenegotiationAnswer::closed;
}

// A second handshake while the first connection is held open and idle: a
// server that serves one connection at a time never answers it.
bool concurrent(const Client& client) {
  auto first = client.connect(false);
  if (!first) return false;
  const auto bound = std::min(client.timeout(), std::chrono::milliseconds(2000));
  return client.connect(false, std::nullopt, bound).ok();
}

// The suites of `suites` the engine implements, in the engine's order.
std::vector<CipherSuite> engine_suites_among(const std::vector<CipherSuite>& suites) {
  std::vector<CipherSuite> out;
  std::ranges::copy_if(all_engine_cipher_suites(), std::back_inserter(out),
                       [&](CipherSuite s) { return std::ranges::find(suites, s) != suites.end(); });
  return out;
}

}  // namespace

std::optional<SessionFindings> probe_sessions(const Endpoint& server, const std::string& server_name,
                                              ProtocolVersion version,
                                              const std::vector<CipherSuite>& suites,
                                              std::chrono::milliseconds timeout,
                                              const std::optional<Identity>& client_identity) {
  const std::vector<CipherSuite> ours = engine_suites_among(suites);
  if (ours.empty()) return std::nullopt;
  ConfigBuilder b;
  b.versions(version, version).cipher_suites(ours);
  if (client_identity) b.identity(*client_identity);
  auto base = b.build();
  if (!base) return std::nullopt;
  auto ids = std::make_shared<Config>(**base);
  ids->offer_tickets = false;
  const Client client(server, server_name, timeout, ids, *base);

  SessionFindings out{.version = version, .suite = ours.front()};
  // Each connection is closed before the next: a server may serve only one.
  std::optional<Session> session;
  {
    const auto t0 = std::chrono::steady_clock::now();
    auto first = client.connect(false);
    out.handshake_time = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - t0);
    if (!first) {
      out.failure = first.error().reason;
      return out;
    }
    out.suite = first->c.negotiated().suite;
    session = first->c.session();
    client.finish(*first);
  }
  out.resumes_by_id = resumes(client, false, session);
  session.reset();
  if (auto with_ticket = client.connect(true)) {
    session = with_ticket->c.session();
    out.issues_tickets = session && !session->ticket.empty();
    client.finish(*with_ticket);
  }
  out.resumes_by_ticket = out.issues_tickets && resumes(client, true, session);
  out.application_data = application_data(client);
  renegotiation(client, out);
  out.concurrent = concurrent(client);
  return out;
}

Status check_chain(const Endpoint& server, const std::string& server_name, ProtocolVersion version,
                   const std::vector<CipherSuite>& suites, const std::string& ca_file,
                   std::chrono::milliseconds timeout,
                   const std::optional<Identity>& client_identity) {
  ConfigBuilder b;
  b.versions(version, version).cipher_suites(engine_suites_among(suites)).trust_file(ca_file);
  if (client_identity) b.identity(*client_identity);
  auto config = b.build();
  if (!config) return config.error();
  const auto deadline = net::deadline_in(timeout);
  auto fd = net::connect_tcp(server.host, server.port, deadline);
  if (!fd) return fd.error();
  Connection c = Connection::client(*config, {server_name, std::nullopt});
  return net::handshake(c, *fd, deadline);
}

std::string iana_name(RenegotiationAnswer a) {
  switch (a) {
    case RenegotiationAnswer::completed:
      return "completed";
    case RenegotiationAnswer::refused:
      return "refused";
    case RenegotiationAnswer::aborted:
      return "aborted";
    case RenegotiationAnswer::ignored:
      return "ignored";
    case RenegotiationAnswer::closed:
      return "closed";
  }
  return "?";
}

}  // namespace gauntlet::conformance
