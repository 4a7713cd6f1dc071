#include "conformance/steps/expect.h"

#include <algorithm>
#include <map>

namespace gauntlet::conformance {

std::string verdict_name(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::lenient: return "lenient";
    case Verdict::fail: return "fail";
    case Verdict::skip: return "skip";
    case Verdict::error: return "error";
    case Verdict::not_delivered: return "not delivered";
    case Verdict::warning: return "warning";
  }
  return "?";
}

namespace {

std::string any_of(const std::vector<AlertDescription>& alerts) {
  std::string out;
  for (const AlertDescription a : alerts) out += (out.empty() ? "" : " or ") + iana_name(a);
  return out;
}

bool listed(const std::vector<AlertDescription>& alerts, const std::optional<AlertDescription>& a) {
  return a && std::ranges::find(alerts, *a) != alerts.end();
}

}  // namespace

std::string describe(const Expect& e) {
  std::string out;
  switch (e.kind) {
    case Expect::Kind::success: out = "success"; break;
    case Expect::Kind::data: out = "application data"; break;
    case Expect::Kind::alert: out = "alert " + any_of(e.alerts); break;
    case Expect::Kind::failure: out = "a fatal alert or a close"; break;
    case Expect::Kind::close_notify: out = "close_notify"; break;
    case Expect::Kind::nothing: out = "no alert, the connection up"; break;
    case Expect::Kind::refused: out = "the renegotiation declined, the connection up"; break;
    case Expect::Kind::message: out = "message " + iana_name(*e.message); break;
    case Expect::Kind::not_resumed:
      out = "no resumption: a full handshake or alert " + any_of(e.alerts);
      break;
    case Expect::Kind::fatal_alert: out = "a fatal alert"; break;
    case Expect::Kind::closed: out = "a close without a fatal alert"; break;
    case Expect::Kind::rejected: out = "a fatal alert or a close before any handshake message"; break;
    case Expect::Kind::another_retry: out = "another HelloRetryRequest"; break;
  }
  if (e.resumed) out += *e.resumed ? ", resumed" : ", not resumed";
  if (e.early_data) out += *e.early_data ? ", 0-RTT data accepted" : ", 0-RTT data rejected";
  for (const Accepted& a : e.accepted) out += "; or, as the RFC permits, " + describe(a.outcome);
  return out;
}

namespace {

std::string describe_end(const Seen& s) {
  if (s.hello_retries > 1) {
    return "another HelloRetryRequest in answer to our second ClientHello (our client aborts on it, "
           "RFC 8446 §4.1.4)";
  }
  if (s.scripted_error) return "our side gave up first (" + *s.scripted_error + ")";
  if (s.sut_alert) return "alert " + iana_name(*s.sut_alert);
  if (s.close_notify) return "close_notify";
  if (s.sut_closed) return "the connection closed without an alert";
  std::string out = s.handshakes > 0 ? "the handshake completed" : "the handshake unfinished";
  if (s.handshaking && s.handshakes > 0) out += ", a new one under way";
  if (s.early_data) out += ", 0-RTT data accepted";
  if (s.data) out += ", application data";
  if (s.silent) out += ", then silence until the timeout";
  if (s.busy) out += ", the SUT still sending at the deadline";
  return out;
}

}  // namespace

std::string describe(const Seen& s) {
  const std::string probed =
      s.probed_at_once ? "the handshake completed, then, to application data sent at once as a probe (the "
                         "server answers data and reads our records in order), "
                       : "silence until the timeout, then, to application data sent as a probe (the server "
                         "answers data), ";
  switch (s.probe) {
    case Probe::none: break;
    case Probe::answered: return probed + "application data back: the connection went on";
    case Probe::unanswered:
      return probed + "silence again: the TLS connection is over, without an alert or a close";
    case Probe::refused: return probed + describe_end(s);
  }
  return describe_end(s);
}

namespace {

// `e` alone, without its accepted outcomes.
Judgement judge_one(const Expect& e, const Seen& seen) {
  const std::string saw = "expected " + describe(e) + ", saw " + describe(seen);
  const auto pass = [&] { return Judgement{Verdict::pass, saw}; };
  const auto fail = [&] { return Judgement{Verdict::fail, saw}; };
  // Our side aborting first means the SUT never had to refuse anything.
  const bool sut_refused = !seen.scripted_error && (seen.sut_alert || seen.sut_closed);
  // A server that answers data and no longer does has ended the
  // connection, as a refusal must, though without an alert or a close.
  const bool ended = sut_refused || (!seen.scripted_error && seen.probe == Probe::unanswered);
  switch (e.kind) {
    case Expect::Kind::success:
      // A close_notify right behind the last flight (s_client -reconnect)
      // does not undo a completed handshake.
      if (!seen.step_done || seen.sut_alert || seen.scripted_error) return fail();
      if (!seen.alive && !seen.close_notify) return fail();
      if (e.resumed && *e.resumed != seen.resumed) return fail();
      if (e.early_data && *e.early_data != seen.early_data) return fail();
      return pass();
    case Expect::Kind::data:
      return seen.data && !seen.sut_alert ? pass() : fail();
    case Expect::Kind::alert:
      if (seen.scripted_error) return fail();
      if (listed(e.alerts, seen.sut_alert)) return pass();
      return ended ? Judgement{Verdict::lenient, saw} : fail();
    case Expect::Kind::failure:
      return ended ? pass() : fail();
    case Expect::Kind::close_notify:
      if (seen.close_notify) return pass();
      return sut_refused ? Judgement{Verdict::lenient, saw} : fail();
    case Expect::Kind::nothing:
      return seen.alive && !seen.sut_alert ? pass() : fail();
    case Expect::Kind::message: {
      if (std::ranges::find(seen.messages, *e.message) != seen.messages.end()) return pass();
      std::string list;
      for (const HandshakeType t : seen.messages) list += (list.empty() ? "" : ", ") + iana_name(t);
      return {Verdict::fail, saw + (list.empty() ? "; no handshake message came" : "; messages: " + list)};
    }
    case Expect::Kind::not_resumed:
      // A server that must not resume may run a full handshake or abort
      // (RFC 7627 §5.3; a hello that offers a session it cannot resume is
      // itself inconsistent, RFC 5246 §7.4.1.2).
      if (seen.scripted_error || seen.resumed) return fail();
      if (listed(e.alerts, seen.sut_alert)) return pass();
      if (seen.step_done && !seen.sut_alert) return pass();
      return sut_refused ? Judgement{Verdict::lenient, saw} : fail();
    case Expect::Kind::refused:
      // RFC 5746 §4.2/§4.4: a no_renegotiation warning, or a fatal alert
      // from a peer that will not go on at all (lenient).
      // A client may also ignore a HelloRequest (RFC 5246 §7.4.1.1), lenient too.
      if (seen.step_done || seen.scripted_error) return fail();
      if (sut_refused || (seen.alive && seen.handshaking)) return Judgement{Verdict::lenient, saw};
      return seen.alive ? pass() : fail();
    case Expect::Kind::fatal_alert:
      return seen.sut_alert && !seen.scripted_error ? pass() : fail();
    case Expect::Kind::closed:
      return sut_refused && !seen.sut_alert ? pass() : fail();
    case Expect::Kind::rejected:
      return sut_refused && seen.messages.empty() ? pass() : fail();
    case Expect::Kind::another_retry:
      return seen.hello_retries > 1 ? pass() : fail();
  }
  return fail();
}

}  // namespace

// An accepted outcome met settles the case; one met but for the alert (a
// refusal the RFC permits, with another alert than it names) is lenient.
Judgement judge(const Expect& e, const Seen& seen) {
  Judgement j = judge_one(e, seen);
  if (j.verdict == Verdict::pass) return j;
  for (const Accepted& a : e.accepted) {
    const Verdict v = judge_one(a.outcome, seen).verdict;
    if (v == Verdict::lenient && j.verdict == Verdict::fail) j = {Verdict::lenient, j.detail, true};
    if (v != Verdict::pass) continue;
    const std::string how = a.breaks_should ? ", which the RFC permits against a SHOULD: "
                                            : ", which the RFC permits: ";
    return {a.breaks_should ? Verdict::warning : Verdict::pass,
            "saw " + describe(seen) + how + a.because, true};
  }
  return j;
}

bool only_refusal_ends(const Expect& e) {
  switch (e.kind) {
    case Expect::Kind::success:
    case Expect::Kind::not_resumed:
    case Expect::Kind::data:
    case Expect::Kind::close_notify:
    case Expect::Kind::refused:
    case Expect::Kind::message: return false;
    case Expect::Kind::alert:
    case Expect::Kind::failure:
    case Expect::Kind::fatal_alert:
    case Expect::Kind::closed:
    case Expect::Kind::rejected:
    case Expect::Kind::another_retry:
    case Expect::Kind::nothing: return true;
  }
  return true;
}

bool met(const Expect& e, const WaitState& now) {
  if (only_refusal_ends(e)) return false;
  switch (e.kind) {
    case Expect::Kind::success:
    case Expect::Kind::not_resumed: return now.step_done;
    case Expect::Kind::data: return now.data;
    case Expect::Kind::close_notify: return now.close_notify;
    case Expect::Kind::refused: return !now.handshaking;
    case Expect::Kind::message: return std::ranges::find(now.messages, *e.message) != now.messages.end();
    default: return false;
  }
}

bool is_expect_map(const YAML::Node& n) {
  return n.IsMap() && (n["alert"] || n["message"] || n["not_resumed"]);
}

bool read_early_data_taken(const YamlReader& r, const YAML::Node& n) {
  const std::string s = r.text(n);
  if (s != "accepted" && s != "rejected") r.fail(n, "'early_data' is accepted or rejected");
  return s == "accepted";
}

namespace {

Expect read_expect(const YamlReader& r, const YAML::Node& n) {
  static const std::map<std::string, Expect::Kind> kinds{
      {"success", Expect::Kind::success},   {"data", Expect::Kind::data},
      {"failure", Expect::Kind::failure},   {"close_notify", Expect::Kind::close_notify},
      {"nothing", Expect::Kind::nothing},   {"refused", Expect::Kind::refused},
      {"not_resumed", Expect::Kind::not_resumed}, {"fatal_alert", Expect::Kind::fatal_alert},
      {"closed", Expect::Kind::closed},           {"rejected", Expect::Kind::rejected},
      {"another_retry", Expect::Kind::another_retry}};
  Expect e;
  if (n.IsMap()) {
    r.only_keys(n, {"alert", "message", "not_resumed", "early_data"});
    if (n["early_data"]) {
      e.early_data = read_early_data_taken(r, n["early_data"]);
      return e;
    }
    if (n["message"]) {
      e.kind = Expect::Kind::message;
      e.message = r.named(n["message"], &handshake_type_from_name, "handshake message");
      return e;
    }
    // One alert or a list, where the RFC leaves the choice.
    const auto alerts = [&](const YAML::Node& a) {
      std::vector<AlertDescription> out;
      if (!a.IsSequence()) return std::vector{r.named(a, &alert_description_from_name, "alert")};
      if (a.size() == 0) r.fail(a, "the list names no alert");
      for (const auto& x : a) out.push_back(r.named(x, &alert_description_from_name, "alert"));
      return out;
    };
    if (n["not_resumed"]) {
      e.kind = Expect::Kind::not_resumed;
      e.alerts = alerts(n["not_resumed"]);
      return e;
    }
    e.kind = Expect::Kind::alert;
    e.alerts = alerts(n["alert"]);
    return e;
  }
  const auto it = kinds.find(r.text(n));
  if (it == kinds.end()) {
    r.fail(n, "unknown expectation '" + r.text(n) +
                  "' (success, data, failure, close_notify, nothing, refused, not_resumed, fatal_alert, "
                  "closed, rejected, another_retry or {alert: name})");
  }
  e.kind = it->second;
  if (e.kind == Expect::Kind::not_resumed) e.alerts = {AlertDescription::handshake_failure};
  return e;
}

// `accept:`: what else the RFC permits, each with its words.
std::vector<Accepted> read_accepted(const YamlReader& r, const YAML::Node& list) {
  if (!list.IsSequence() || list.size() == 0) r.fail(list, "'accept' is a non-empty list");
  std::vector<Accepted> out;
  for (const auto& n : list) {
    r.require_map(n, "an accepted outcome");
    r.only_keys(n, {"outcome", "because", "breaks_should"});
    if (!n["outcome"]) r.fail(n, "an accepted outcome needs an 'outcome'");
    if (!n["because"] || r.text(n["because"]).empty()) {
      r.fail(n, "an accepted outcome needs 'because': the RFC's words that permit it");
    }
    Accepted a{read_expect(r, n["outcome"]), false, r.text(n["because"])};
    if (n["breaks_should"]) a.breaks_should = r.boolean(n["breaks_should"]);
    out.push_back(std::move(a));
  }
  return out;
}

Expect read_expectation_alone(const YamlReader& r, const YAML::Node& body, Expect::Kind fallback) {
  if (body.IsMap() && body["expect"]) return read_expect(r, body["expect"]);
  const size_t own = body.IsMap() && body["accept"] ? 2 : 1;
  if (body.IsScalar() || (is_expect_map(body) && body.size() == own)) return read_expect(r, body);
  Expect e;
  e.kind = fallback;
  return e;
}

}  // namespace

Expect read_expectation(const YamlReader& r, const YAML::Node& body, Expect::Kind fallback) {
  Expect e = read_expectation_alone(r, body, fallback);
  if (body.IsMap() && body["accept"]) e.accepted = read_accepted(r, body["accept"]);
  return e;
}

Expect read_expect_only(const YamlReader& r, const YAML::Node& body, Expect::Kind fallback) {
  if (body.IsMap() && !is_expect_map(body)) r.only_keys(body, {"expect", "accept"});
  return read_expectation(r, body, fallback);
}

}  // namespace gauntlet::conformance
