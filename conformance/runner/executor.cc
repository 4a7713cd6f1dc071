#include "conformance/runner/executor.h"

#include <algorithm>
#include <functional>

#include "conformance/runner/delivery.h"
#include "conformance/runner/sent_hello.h"
#include "conformance/runner/wire_log.h"
#include "conformance/steps/exchange.h"
#include "conformance/steps/step_context.h"
#include "engine/connection/config_builder.h"
#include "engine/connection/connection.h"
#include "engine/connection/keying_material.h"
#include "engine/crypto/clock.h"
#include "engine/crypto/random.h"

namespace gauntlet::conformance {

namespace {

// A ClientHello's vectors (RFC 8446 §4.1.2) hold less than 2^18 bytes,
// record headers included.
constexpr size_t kMaxClientHelloFlight = size_t{1} << 18;

// What a reconnection resumes: in TLS 1.3 the newest ticket the server
// issued (RFC 8446 §4.6.1), before it the session itself.
std::optional<Session> resumable(const Connection& c) {
  const std::vector<Session> tickets = c.tickets();
  if (!tickets.empty()) return tickets.back();
  return c.session();
}

class CaseRun final : public StepContext {
 public:
  CaseRun(const Case& c, const Target& t, const RunSettings& s) : case_(c), target_(t), settings_(s) {
    result_.id = c.id();
    result_.target = t.name();
    result_.where = c.scenario->where;
    result_.rfc = c.scenario->rfc;
    result_.rule = c.scenario->rule;
    result_.description = c.scenario->description;
    result_.scripted_client = c.scenario->scripted == Role::client;
    if (!c.scenario->same_response.empty()) {
      result_.group = c.scenario->same_response + "[" + openssl_name(c.version) + "," +
                      c.cipher_name() + "]";
    }
  }

  CaseResult run();

  // StepContext: what the steps (steps/<kind>.cc) do to this case.
  Role scripted() const override { return case_.scenario->scripted; }
  Connection& connection() override { return *conn_; }
  bool alive() const override { return conn_->state() != ConnectionState::closed && !sut_closed_; }
  Status flush() override;
  Status send_raw(const Bytes& record) override;
  Status reconnect(const ReconnectStep& step) override { return open_connection(&step); }
  void mark_handshake_started() override { handshake_started_ = true; }
  bool handshake_started() const override { return handshake_started_; }
  void forget_messages() override { messages_.clear(); }
  void forget_data() override { app_data_.clear(); }
  void arm_tamper(const RecordTamper& t) override {
    armed_ = t;
    conn_->tamper_next(t);
  }
  void fatal_alert_sent() override { fatal_alert_sent_ = true; }
  void not_delivered(std::string why) override { delivery_.missed(std::move(why)); }
  Judgement answer(const Expect& e, const std::function<bool()>& done) override;
  using StepContext::answer;

 private:
  // busy: the deadline passed while the SUT was still sending.
  enum class Waited { done, closed, silent, busy };

  // Every wait ends by the step's deadline and by the case's, whatever the
  // SUT sends meanwhile.
  net::Deadline deadline_for(const Expect& e) const {
    return std::min(case_deadline_,
                    net::deadline_in(waits_for_quiet(e) ? quiet_for(reaction_, settings_) : settings_.timeout));
  }
  net::Deadline wait_deadline() const {
    return std::min(case_deadline_, net::deadline_in(settings_.timeout));
  }
  void note(std::string line) { result_.transcript.push_back(std::move(line)); }

  Status open_connection(const ReconnectStep* reconnect);
  void check_offered(const Bytes& out);
  void check_early_data_offered(const ClientHello& hello);
  void read_sut_hello(const Bytes& bytes);
  bool sut_offered_early_data() const {
    return sut_first_hello_ && sut_first_hello_->extensions &&
           sut_first_hello_->extensions->find(ExtensionType::early_data);
  }
  bool may_probe(Waited w, const Expect& e, const Seen& seen) const;
  bool may_probe_at_once(const Expect& e) const;
  bool ready_for_probe() const;
  void probe(Seen& seen, bool at_once);
  // A SUT client's application data read once our side has completed the
  // connection's first handshake, without 0-RTT, was written after the
  // client took our whole flight: a refusal of it would have come first.
  bool data_proves_acceptance() const {
    const Negotiated& n = conn_->negotiated();
    return scripted() == Role::server && conn_->handshake_done() && !conn_->handshaking() &&
           n.handshakes == 1 && !n.early_data_accepted;
  }
  void check_tamper_sent();
  void absorb(const Bytes& from_sut);
  Waited pump(const std::function<bool()>& done, net::Deadline deadline);
  Seen observe(Waited w) const;
  std::optional<std::string> agreement() const;
  std::string case_overrun() const {
    return "the case ran past its deadline of " +
           std::to_string(case_timeout(case_, settings_).count()) + " ms (the SUT kept it busy)";
  }

  const Case& case_;
  const Target& target_;
  const RunSettings& settings_;
  CaseResult result_;
  std::shared_ptr<Config> config_;
  std::unique_ptr<SutInstance> sut_;
  std::unique_ptr<Channel> channel_;
  std::optional<Connection> conn_;
  int connection_index_ = -1;
  WireLog out_log_, in_log_;
  bool sut_closed_ = false;
  bool handshake_started_ = false;
  bool fatal_alert_sent_ = false;  // by an alert step, this connection
  bool left_busy_ = false;         // the last wait ended with the SUT still sending
  bool last_step_ = false;         // the step running is the case's last
  bool sut_went_on_ = false;       // data_proves_acceptance() held for data read, this connection
  Bytes app_data_;
  std::vector<HandshakeType> messages_;  // from the SUT, this handshake
  // The session of the last completed handshake: a reconnection offers it
  // even where our engine would not (after a fatal alert), since whether the
  // SUT resumes it is what the case tests.
  std::optional<Session> last_session_;
  // Set by a reconnection that resumes, until our ClientHello is seen; the
  // ticket it must present, if the session is in one.
  bool check_offer_ = false;
  Bytes offered_ticket_;
  bool offered_tls13_ticket_ = false;  // RFC 8446 §4.2.11: offered in pre_shared_key
  Bytes hello_bytes_;
  // The last connection that sent 0-RTT data (RFC 8446 §4.2.10), as a
  // replay needs it: it drew its randomness from a seed of its own and its
  // clock stood still, so the same config sends the same ClientHello.
  struct ZeroRtt {
    std::shared_ptr<const Config> base;
    uint64_t seed = 0;
    int64_t time = 0;
    std::optional<Session> session;
    Bytes data;
    bool over_limit = false;
    int connection = 0;
    Bytes hello_record;  // its ClientHello's record, as sent
    Bytes identity;      // the ticket its pre_shared_key offered first
  };
  std::optional<ZeroRtt> zero_rtt_;
  bool offers_early_data_ = false;  // this connection's ClientHello must offer early_data
  bool replaying_ = false;
  // `same_ticket`: the 0-RTT connection whose ticket this one offers again,
  // in a ClientHello of its own (RFC 8446 §8.1).
  std::optional<ZeroRtt> reused_;
  // A SUT client's first ClientHello on this connection, read off the
  // wire: after a HelloRetryRequest our engine holds only the second,
  // which must not offer 0-RTT (§4.2.10), so whether the client offered
  // any is the first one's to say.
  Bytes sut_hello_bytes_;
  std::optional<ClientHello> sut_first_hello_;
  // What the case's deviations rode in, and the tamper armed last.
  DeliveryLog delivery_;
  std::optional<RecordTamper> armed_;
  net::Deadline case_deadline_;
  net::Clock::time_point last_arrival_;
  // When our first bytes of the case went out, and how long the SUT took
  // to answer them (quiet_for).
  std::optional<net::Clock::time_point> first_sent_;
  std::optional<net::Clock::duration> reaction_;
  // Why the case must end now as an error (interrupted, out of time).
  std::optional<std::string> stop_;
};

Status CaseRun::open_connection(const ReconnectStep* reconnect) {
  const bool resume = reconnect && reconnect->resume;
  if (reconnect && reconnect->changes_config()) {
    // The same peer (its session cache and ticket keys are shared) with
    // this connection's changes.
    ConfigBuilder b(*config_);
    b.versions(reconnect->min_version.value_or(config_->min_version),
               reconnect->max_version.value_or(config_->max_version));
    if (!reconnect->suites.empty()) b.cipher_suites(reconnect->suites);
    auto next = b.build();
    if (!next) return next.error();
    if (reconnect->bugs) (*next)->bugs = *reconnect->bugs;
    if (reconnect->extended_master_secret) {
      (*next)->extended_master_secret = *reconnect->extended_master_secret;
    }
    if (reconnect->max_early_data) (*next)->max_early_data = *reconnect->max_early_data;
    config_ = std::move(next).value();
    if (reconnect->bugs) delivery_.carry(config_->bugs, case_.scenario->scripted);
  }
  std::optional<Session> session;
  PreviousConnection previous = PreviousConnection::none;
  if (conn_) {
    check_tamper_sent();
    session = resumable(*conn_) ? resumable(*conn_) : last_session_;
    // Our engine's own failures send their fatal alert too.
    previous = conn_->peer_alert() || conn_->error() || fatal_alert_sent_ ? PreviousConnection::fatal_alert
                                                                          : PreviousConnection::closed;
    conn_->close();
    (void)flush();
  }
  auto channel = sut_->next_connection(wait_deadline(), previous);
  if (!channel) return channel.error();
  channel_ = std::move(channel).value();
  ++connection_index_;
  out_log_ = {};
  in_log_ = {};
  sut_closed_ = false;
  sut_went_on_ = false;
  handshake_started_ = false;
  fatal_alert_sent_ = false;
  app_data_.clear();
  messages_.clear();
  sut_hello_bytes_.clear();
  sut_first_hello_.reset();
  // 0-RTT data: a new offer pins its randomness and time; a replay uses
  // the same again.
  std::shared_ptr<const Config> config = config_;
  Bytes early_data;
  replaying_ = reconnect && reconnect->replay;
  offers_early_data_ = resume && reconnect && (reconnect->early_data || replaying_);
  if (replaying_ && !zero_rtt_) return internal_error("'replay' needs an earlier reconnect with early_data");
  reused_.reset();
  if (reconnect && reconnect->same_ticket) {
    if (!zero_rtt_) return internal_error("'same_ticket' needs an earlier reconnect with early_data");
    reused_ = zero_rtt_;
    session = zero_rtt_->session;
  }
  if (offers_early_data_) {
    if (!replaying_) {
      const EarlyDataOffer& offer = *reconnect->early_data;
      const uint32_t allowed = session ? session->max_early_data : 0;
      zero_rtt_ = ZeroRtt{config_,
                          std::hash<std::string>{}(case_.id()) ^ (0x0e0000u + connection_index_),
                          config_->clock->now(),
                          session,
                          offer.over_limit ? Bytes(size_t{allowed} + 1, 'x') : offer.data,
                          offer.over_limit,
                          connection_index_,
                          {},
                          {}};
    }
    auto pinned = std::make_shared<Config>(*zero_rtt_->base);
    pinned->random = std::make_shared<DeterministicRandom>(zero_rtt_->seed);
    pinned->clock = std::make_shared<FixedClock>(zero_rtt_->time);
    // §4.2.10: our engine keeps within the ticket's limit unless told.
    if (zero_rtt_->over_limit) pinned->bugs.early_data_over_limit = true;
    config = std::move(pinned);
    session = zero_rtt_->session;
    early_data = zero_rtt_->data;
  }
  check_offer_ = resume && case_.scenario->scripted == Role::client;
  offered_ticket_ = session && config_->offer_tickets ? session->ticket : Bytes{};
  offered_tls13_ticket_ = session && session->version == ProtocolVersion::tls13;
  hello_bytes_.clear();
  armed_ = config_->bugs.tamper;  // armed as the connection opens
  if (case_.scenario->scripted == Role::client) {
    conn_.emplace(Connection::client(
        config, {case_.scenario->peer.server_name.value_or(target_.facts().server_name),
                 resume ? session : std::nullopt, std::move(early_data)}));
  } else {
    conn_.emplace(Connection::server(config_));
  }
  note("connection " + std::to_string(connection_index_) +
       (resume && session ? ", offering the last session" : ""));
  return ok_status();
}

Status CaseRun::flush() {
  if (!conn_->has_output() || sut_closed_) return ok_status();
  const Bytes out = conn_->take_output();
  note("  → " + out_log_.describe(out));
  result_.wire.push_back({connection_index_, true, out});
  if (check_offer_) check_offered(out);
  if (!first_sent_) first_sent_ = net::Clock::now();
  return channel_->send(out);
}

Status CaseRun::send_raw(const Bytes& record) {
  note("  → raw " + out_log_.describe(record));
  result_.wire.push_back({connection_index_, true, record});
  return channel_->send(record);
}

// A reconnection that resumes must have put the session in its ClientHello
// (its ticket too, if it is in one: RFC 5077 §3.4): a case that only says
// so would judge a handshake that tested nothing.
void CaseRun::check_offered(const Bytes& out) {
  hello_bytes_.insert(hello_bytes_.end(), out.begin(), out.end());
  if (case_.ssl2_kind) {
    const auto hello = sent_ssl2_client_hello(hello_bytes_);
    if (!hello) return;
    check_offer_ = false;
    if (hello->session_id.empty()) {
      delivery_.missed("the reconnecting CLIENT-HELLO offered no session");
    } else {
      note("  offered the session by its SESSION-ID-DATA");
    }
    return;
  }
  const auto hello = sent_client_hello(hello_bytes_);
  if (!hello) return;  // not all of it yet
  check_offer_ = false;
  if (offered_tls13_ticket_) {
    if (!hello->extensions || !hello->extensions->find(ExtensionType::pre_shared_key)) {
      delivery_.missed("the reconnecting ClientHello did not offer the ticket in pre_shared_key");
    } else {
      note("  offered the ticket in pre_shared_key");
      if (offers_early_data_) check_early_data_offered(*hello);
    }
    return;
  }
  const SessionTicketExtension* ticket =
      hello->extensions ? hello->extensions->get<SessionTicketExtension>() : nullptr;
  if (!offered_ticket_.empty() && (!ticket || ticket->ticket != offered_ticket_)) {
    delivery_.missed("the reconnecting ClientHello did not present the session's ticket");
  } else if (hello->session_id.empty()) {
    delivery_.missed("the reconnecting ClientHello offered no session");
  } else {
    note("  offered the session " + std::string(offered_ticket_.empty() ? "by its ID" : "in its ticket"));
  }
}

// A 0-RTT case tests early data only if the ClientHello offered it (the
// ticket allowed that much: RFC 8446 §4.2.10), and a replay only if its
// ClientHello is the original's, byte for byte (§8).
void CaseRun::check_early_data_offered(const ClientHello& hello) {
  if (!hello.extensions->find(ExtensionType::early_data)) {
    delivery_.missed("the reconnecting ClientHello offered no 0-RTT data (its ticket allows none, or less)");
    return;
  }
  // The hello's record: its header says how long it is.
  const size_t length = hello_bytes_.size() >= 5 ? 5 + (hello_bytes_[3] << 8 | hello_bytes_[4]) : 0;
  const Bytes record(hello_bytes_.begin(),
                     hello_bytes_.begin() + static_cast<long>(std::min(length, hello_bytes_.size())));
  const std::string original = "connection " + std::to_string(zero_rtt_->connection);
  if (replaying_) {
    if (record != zero_rtt_->hello_record) {
      delivery_.missed("the replayed ClientHello differs from the one " + original + " sent");
    } else {
      note("  the ClientHello of " + original + " again, byte for byte, with its 0-RTT data");
    }
    return;
  }
  const OfferedPsks* psks = hello.extensions->get<OfferedPsks>();
  zero_rtt_->hello_record = record;
  zero_rtt_->identity = psks && !psks->identities.empty() ? psks->identities.front().identity : Bytes{};
  const std::string sent = std::to_string(zero_rtt_->data.size()) + " bytes of 0-RTT data";
  if (!reused_) {
    note("  offered 0-RTT data in early_data and sent " + sent);
    return;
  }
  // §8.1: the same ticket in a hello of its own, which no attacker could
  // have made (its binder needs the PSK), not a replay of the first.
  const std::string earlier = "connection " + std::to_string(reused_->connection);
  if (zero_rtt_->identity != reused_->identity) {
    delivery_.missed("the reconnecting ClientHello did not offer the ticket " + earlier + " offered");
  } else if (record == reused_->hello_record) {
    delivery_.missed("the reconnecting ClientHello is " + earlier + "'s byte for byte, not a fresh one");
  } else {
    note("  offered the ticket of " + earlier + " again in a fresh ClientHello, with early_data, and sent " +
         sent);
  }
}

// The first ClientHello of a SUT client, as its records arrive (at most
// one hello's worth: a flight that does not start with one never will).
void CaseRun::read_sut_hello(const Bytes& bytes) {
  if (sut_first_hello_ || sut_hello_bytes_.size() > kMaxClientHelloFlight) return;
  sut_hello_bytes_.insert(sut_hello_bytes_.end(), bytes.begin(), bytes.end());
  sut_first_hello_ = sent_client_hello(sut_hello_bytes_);
  if (sut_offered_early_data()) note("  its ClientHello offers 0-RTT data (early_data)");
}

// A tamper whose record never went out changed nothing the SUT saw.
void CaseRun::check_tamper_sent() {
  if (!armed_ || !conn_->tamper_pending()) return;
  delivery_.missed("our side never sent " + tamper_target(*armed_) + " the tamper was armed for");
  armed_.reset();
}

CaseRun::Waited CaseRun::pump(const std::function<bool()>& done, net::Deadline deadline) {
  for (;;) {
    if (auto st = flush(); !st) {
      // The SUT closed on us; what it said before closing is still to read.
      note("  ! sending failed: " + st.error().reason);
      while (!sut_closed_) {
        auto got = channel_->receive(deadline);
        if (!got || got->closed) break;
        absorb(got->bytes);
      }
      sut_closed_ = true;
      return Waited::closed;
    }
    const Bytes data = conn_->read();
    if (!data.empty() && data_proves_acceptance()) sut_went_on_ = true;
    app_data_.insert(app_data_.end(), data.begin(), data.end());
    if (done()) return Waited::done;
    if (!alive()) return Waited::closed;
    auto got = channel_->receive(deadline);
    if (!got) {
      if (net::is_cancelled(got.error())) {
        stop_ = "interrupted";
        return Waited::silent;
      }
      if (net::is_timeout(got.error())) {
        if (net::Clock::now() >= case_deadline_) stop_ = case_overrun();
        // In process, silence is known before the deadline: never busy.
        const auto now = net::Clock::now();
        return now >= deadline && now - last_arrival_ < settings_.quiet ? Waited::busy
                                                                         : Waited::silent;
      }
      // A broken connection is as good as closed.
      note("  ! " + got.error().reason);
      sut_closed_ = true;
      return Waited::closed;
    }
    if (got->closed) {
      note("  ← the SUT closed the connection");
      sut_closed_ = true;
      continue;
    }
    absorb(got->bytes);
  }
}

void CaseRun::absorb(const Bytes& bytes) {
  last_arrival_ = net::Clock::now();
  if (first_sent_ && !reaction_) reaction_ = last_arrival_ - *first_sent_;
  note("  ← " + in_log_.describe(bytes));
  result_.wire.push_back({connection_index_, false, bytes});
  if (scripted() == Role::server) read_sut_hello(bytes);
  (void)conn_->receive(bytes);
}

Seen CaseRun::observe(Waited w) const {
  Seen s;
  s.handshakes = conn_->negotiated().handshakes;
  s.handshaking = conn_->handshaking();
  s.resumed = conn_->negotiated().resumed;
  s.early_data = conn_->negotiated().early_data_accepted;
  s.sut_alert = conn_->peer_alert();
  s.close_notify = conn_->peer_closed();
  s.sut_closed = sut_closed_;
  s.alive = alive();
  s.silent = w == Waited::silent;
  s.busy = w == Waited::busy;
  s.data = !app_data_.empty();
  s.messages = messages_;
  s.hello_retries = in_log_.hello_retry_requests();
  if (conn_->error() && !conn_->peer_alert()) s.scripted_error = conn_->error()->to_string();
  return s;
}

std::optional<std::string> CaseRun::agreement() const {
  const auto view = channel_->sut_view();
  if (!view) return std::nullopt;
  const Negotiated& n = conn_->negotiated();
  if (!view->handshake_done) return "the SUT does not consider the handshake complete";
  if (view->version != n.version) return "the SUT negotiated " + iana_name(view->version);
  if (view->suite != n.suite) return "the SUT negotiated " + iana_name(view->suite);
  if (view->client_random != n.client_random || view->server_random != n.server_random) {
    return "the two sides hold different randoms";
  }
  if (n.version == ProtocolVersion::tls13) {
    const auto ours = export_keying_material(n, kAgreementLabel, std::nullopt, kAgreementLength);
    if (!ours || view->exported != *ours) return "the two sides export different keying material";
  } else if (view->master_secret != n.master_secret) {
    return "the two sides hold different master secrets";
  }
  return std::nullopt;
}

Judgement CaseRun::answer(const Expect& e, const std::function<bool()>& done) {
  // Only the step that completes the first handshake: data read in a later
  // one may answer data we sent before its deviation.
  const bool completes_first = !conn_->handshake_done();
  const auto met_now = [&] {
    return met(e, {done(), !app_data_.empty(), conn_->peer_closed(), conn_->handshaking(), messages_}) ||
           (completes_first && only_refusal_ends(e) && sut_went_on_);
  };
  const bool at_once = may_probe_at_once(e);
  const Waited w = pump([&] { return met_now() || (at_once && ready_for_probe()); }, deadline_for(e));
  left_busy_ = w == Waited::busy;
  Seen seen = observe(w);
  seen.step_done = done();
  if (w == Waited::done && !met_now()) probe(seen, true);
  else if (may_probe(w, e, seen)) probe(seen, false);
  Judgement j = judge(e, seen);
  result_.response = describe(seen);
  // Whether our server took a SUT client's 0-RTT data says nothing of a
  // client that sent none (RFC 8446 §4.2.10: it "can" send it); after a
  // HelloRetryRequest its first ClientHello says whether it offered any.
  if (e.early_data && seen.step_done && scripted() == Role::server && !sut_offered_early_data()) {
    delivery_.missed("the SUT client offered no 0-RTT data");
  }
  if (j.verdict == Verdict::pass && !j.settled && e.kind == Expect::Kind::success) {
    if (auto bad = agreement()) j = {Verdict::fail, "agreement check failed: " + *bad};
  }
  return j;
}

// A SUT server that had to end the connection and stayed silent instead
// (no alert, no close: `openssl s_server -www` keeps the socket of a
// connection libssl has failed) is asked once more, with application data,
// when it is known to answer data and its answer could change the
// verdict: silence again proves the TLS connection over, an answer that it
// went on. Silence alone is never taken for an end.
bool CaseRun::may_probe(Waited w, const Expect& e, const Seen& seen) const {
  if (w != Waited::silent || stop_ || scripted() != Role::client || !target_.facts().answers_data ||
      !alive() || seen.scripted_error || conn_->state() != ConnectionState::established ||
      conn_->handshaking()) {
    return false;
  }
  Seen ended = seen;
  ended.probe = Probe::unanswered;
  return judge(e, seen).verdict == Verdict::fail && judge(e, ended).verdict != Verdict::fail;
}

// At the case's last step nothing follows that the probe's data could
// disturb, so a server that answers data is asked as soon as our step is on
// the wire, rather than after the silence a refusal needs: it reads records
// in order, so an answer means it took ours and went on, and a refusal of
// ours comes before it. Over a socket this saves the deadline; in process
// silence is known at once.
bool CaseRun::may_probe_at_once(const Expect& e) const {
  return last_step_ && only_refusal_ends(e) && scripted() == Role::client && target_.facts().answers_data &&
         !channel_->silence_is_known();
}

bool CaseRun::ready_for_probe() const {
  return alive() && !fatal_alert_sent_ && !conn_->error() && conn_->state() == ConnectionState::established &&
         !conn_->handshaking();
}

void CaseRun::probe(Seen& seen, bool at_once) {
  note(at_once ? "  probing at once with application data (the SUT answers data, in order)"
               : "  silence: probing with application data (the SUT answers data)");
  app_data_.clear();
  if (!conn_->write(text_bytes(kClientRequest))) return;
  const Waited w = pump([this] { return !app_data_.empty(); }, wait_deadline());
  left_busy_ = w == Waited::busy;
  const bool answered = !app_data_.empty();
  const bool step_done = seen.step_done;
  seen = observe(w);
  seen.step_done = step_done;
  seen.probed_at_once = at_once;
  seen.probe = answered                 ? Probe::answered
               : w == Waited::silent    ? Probe::unanswered
               : seen.sut_alert || seen.sut_closed ? Probe::refused
                                                   : Probe::none;
}

CaseResult CaseRun::run() {
  const auto t0 = std::chrono::steady_clock::now();
  const auto finish = [&](Verdict v, std::string reason) {
    result_.verdict = v;
    result_.reason = std::move(reason);
    if (sut_) result_.sut_log = sut_->finish(v != Verdict::error && !left_busy_);
    result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return std::move(result_);
  };
  if (auto why = target_.cannot_run(case_)) return finish(Verdict::skip, *why);
  auto config = scripted_config(case_, settings_.pki, target_.facts(),
                                [this](std::string_view line) { result_.keylog.emplace_back(line); });
  if (!config) return finish(Verdict::error, "scripted peer: " + config.error().reason);
  config_ = std::move(config).value();
  config_->on_message = [this](HandshakeType t) { messages_.push_back(t); };
  config_->on_message_sent = [this](HandshakeType t) { delivery_.sent(t); };
  config_->on_ssl2_message_sent = [this](Ssl2MessageType t) { delivery_.sent(t); };
  delivery_.carry(config_->bugs, case_.scenario->scripted);
  case_deadline_ = net::deadline_in(case_timeout(case_, settings_));
  auto sut = target_.start(case_, wait_deadline());
  if (!sut) return finish(Verdict::error, "could not start the SUT: " + sut.error().reason);
  sut_ = std::move(sut).value();
  if (auto st = open_connection(nullptr); !st) {
    return finish(Verdict::error, "could not reach the SUT: " + st.error().reason);
  }
  Verdict verdict = Verdict::pass;
  std::string reason;
  const auto& steps = case_.scenario->steps;
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    const std::string label = "step " + std::to_string(i + 1) + " (" + step.where.to_string() + ")";
    note(label + ": " + describe(step));
    last_step_ = i + 1 == steps.size();
    Judgement j = run_step(step, *this);
    if (auto s = resumable(*conn_)) last_session_ = std::move(s);
    if (!j.detail.empty()) note("  " + verdict_name(j.verdict) + ": " + j.detail);
    if (!stop_ && net::waits_cancelled()) stop_ = "interrupted";
    if (stop_) j = {Verdict::error, *stop_};
    if (j.verdict == Verdict::fail || j.verdict == Verdict::error) {
      verdict = j.verdict;
      reason = label + ": " + j.detail;
      break;
    }
    // A wrong alert (a regression in a strict run) outranks a SHOULD
    // departure (never one).
    if ((j.verdict == Verdict::lenient && (verdict == Verdict::pass || verdict == Verdict::warning)) ||
        (j.verdict == Verdict::warning && verdict == Verdict::pass)) {
      verdict = j.verdict;
      reason = label + ": " + j.detail;
    }
    if (j.settled) break;  // an outcome the RFC permits: what follows assumed the other
    if (delivery_.missing_now()) break;  // what follows would judge nothing
  }
  check_tamper_sent();
  if (alive()) {
    conn_->close();
    (void)flush();
  }
  // The SUT's answer to a deviation it never saw is no verdict on it;
  // what the judgement would have been stays in the reason for triage.
  if (auto why = delivery_.missing(); why && verdict != Verdict::error) {
    note("not delivered: " + *why);
    return finish(Verdict::not_delivered,
                  *why + (verdict == Verdict::pass ? "" : " (judged anyway: " + reason + ")"));
  }
  return finish(verdict, reason);
}

}  // namespace

std::chrono::milliseconds quiet_for(std::optional<std::chrono::steady_clock::duration> reaction,
                                    const RunSettings& s) {
  if (!reaction) return s.quiet;
  const auto scaled = std::chrono::duration_cast<std::chrono::milliseconds>(*reaction * kQuietReactions);
  return std::clamp(scaled, std::min(kMinQuiet, s.quiet), s.quiet);
}

RunSettings adapted_to(const RunSettings& s, const Target& target) {
  RunSettings out = s;
  out.timeout = std::max(s.timeout, 4 * target.handshake_time());
  return out;
}

std::chrono::milliseconds case_timeout(const Case& c, const RunSettings& s) {
  return s.timeout * static_cast<int>(c.scenario->steps.size() + 2);
}

CaseResult run_case(const Case& c, const Target& target, const RunSettings& settings) {
  return CaseRun(c, target, settings).run();
}

}  // namespace gauntlet::conformance
