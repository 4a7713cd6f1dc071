// What a step may do to the case under way. The executor
// (runner/executor.cc) implements it over our scripted Connection and the
// channel to the SUT; a step kind (steps/<kind>.cc) says what to do with it.
#pragma once

#include <functional>

#include "conformance/steps/expect.h"
#include "conformance/steps/steps.h"
#include "engine/connection/connection.h"

namespace gauntlet::conformance {

class StepContext {
 public:
  virtual ~StepContext() = default;

  virtual Role scripted() const = 0;
  virtual Connection& connection() = 0;
  // Neither side has closed.
  virtual bool alive() const = 0;
  // Our connection's output to the SUT.
  virtual Status flush() = 0;
  // A record straight to the wire, past our record layer, logged as raw.
  virtual Status send_raw(const Bytes& record) = 0;
  // The next connection to the SUT, with the step's changes to our side.
  virtual Status reconnect(const ReconnectStep& step) = 0;
  // Our side has begun the handshake (a raw record after it goes behind
  // our hello, not ahead of it).
  virtual void mark_handshake_started() = 0;
  virtual bool handshake_started() const = 0;
  // A new handshake: the SUT's messages so far no longer count.
  virtual void forget_messages() = 0;
  // Application data already judged: the next exchange needs its own.
  virtual void forget_data() = 0;
  // Arm our record layer's tamper; a case whose tamper finds no record is
  // not delivered.
  virtual void arm_tamper(const RecordTamper& t) = 0;
  // Our side ended the connection with a fatal alert of its own choosing:
  // the SUT client's stack must not resume its session (RFC 5246 §7.2.2).
  virtual void fatal_alert_sent() = 0;
  // The case's deviation did not reach the SUT (why): its answer is not
  // judged (Verdict::not_delivered).
  virtual void not_delivered(std::string why) = 0;
  // Waits until `e` is met (or, for success, the step's own goal `done`),
  // the SUT refuses, or the deadline; then judges the SUT's answer, with
  // the agreement check after a success where both sides can be seen.
  virtual Judgement answer(const Expect& e, const std::function<bool()>& done) = 0;
  Judgement answer(const Expect& e) {
    return answer(e, [] { return false; });
  }
};

}  // namespace gauntlet::conformance
