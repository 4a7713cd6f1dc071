// A SUT client process for a case: we listen on a loopback port and it
// connects to us, once or for each of the case's connections.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "conformance/targets/process_target.h"
#include "conformance/targets/socket_channel.h"
#include "conformance/targets/subprocess.h"

namespace gauntlet::conformance {

namespace {

// How long a client process may take to exit on SIGTERM, printing its last
// lines, before the case moves on (and SIGKILL follows).
constexpr std::chrono::milliseconds kGrace{300};

using ClientArgv = std::function<std::vector<std::string>(uint16_t, const ClientTurn&)>;

bool non_empty_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && st.st_size > 0;
}

class ClientProcess final : public SutInstance {
 public:
  ClientProcess(net::Fd listener, ClientArgv argv_for, uint16_t port, ClientReconnects reconnects)
      : listener_(std::move(listener)), argv_for_(std::move(argv_for)), port_(port), reconnects_(reconnects) {
    if (reconnects_ == ClientReconnects::never) return;
    const char* tmp = std::getenv("TEST_TMPDIR");
    std::string dir = std::string(tmp ? tmp : "/tmp") + "/gauntlet-session-XXXXXX";
    if (!mkdtemp(dir.data())) return;
    session_dir_ = dir;
    // What a client resuming with 0-RTT sends as early data: its request.
    if (FILE* f = std::fopen(early_data_file().c_str(), "w")) {
      std::fwrite(kClientRequest.data(), 1, kClientRequest.size(), f);
      std::fclose(f);
    }
  }
  ~ClientProcess() override {
    process_.reset();
    if (session_dir_.empty()) return;
    std::remove(session_file().c_str());
    std::remove(early_data_file().c_str());
    rmdir(session_dir_.c_str());
  }

  Result<std::unique_ptr<Channel>> next_connection(net::Deadline deadline,
                                                   PreviousConnection previous) override {
    if (process_ && reconnects_ == ClientReconnects::run_per_connection) {
      // Our close_notify (or the alert) ends the last run; killing it
      // before it has read our last flight would lose the session it
      // writes when the handshake completes.
      if (!process_->wait_exit(deadline)) process_->stop(kGrace);
      earlier_output_ += process_->output();
      process_.reset();
    }
    if (!process_) {
      if (auto st = spawn(previous); !st) return st.error();
    }
    ++connection_;
    auto fd = net::accept_until(listener_, deadline);
    if (!fd) return fd.error();
    if (!fd->valid()) {
      return internal_error("timeout: the client did not connect; it printed: " + earlier_output_ +
                            process_->output());
    }
    return std::unique_ptr<Channel>(std::make_unique<SocketChannel>(std::move(fd).value()));
  }

  std::string finish(bool) override {
    if (!process_) return earlier_output_;
    process_->stop(kGrace);
    return earlier_output_ + process_->output();
  }

 private:
  std::string session_file() const { return session_dir_ + "/session.pem"; }
  std::string early_data_file() const { return session_dir_ + "/early-data.txt"; }

  Status spawn(PreviousConnection previous) {
    ClientTurn turn{connection_, {}, std::nullopt, session_dir_.empty() ? "" : early_data_file()};
    if (reconnects_ == ClientReconnects::run_per_connection) {
      if (session_dir_.empty()) return internal_error("no directory for the client's session file");
      turn.session_out = session_file();
      // The session a client stack keeps: one its last connection made and
      // did not end with a fatal alert (RFC 5246 §7.2.2).
      if (previous == PreviousConnection::closed && non_empty_file(session_file())) {
        turn.session_in = session_file();
      }
    }
    auto p = Subprocess::spawn(argv_for_(port_, turn), std::string(kClientRequest));
    if (!p) return p.error();
    process_.emplace(std::move(p).value());
    return ok_status();
  }

  net::Fd listener_;
  ClientArgv argv_for_;
  uint16_t port_;
  ClientReconnects reconnects_;
  std::string session_dir_;
  int connection_ = 0;
  std::optional<Subprocess> process_;
  std::string earlier_output_;  // of the runs before this one
};

// Whether an alert step of fatal level comes before the first reconnect.
bool fatal_alert_before_reconnect(const Scenario& s) {
  for (const Step& st : s.steps) {
    if (st.is<ReconnectStep>()) return false;
    const auto* alert = std::get_if<AlertStep>(&st.kind);
    if (alert && alert->level == static_cast<uint8_t>(AlertLevel::fatal)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> client_cannot_reconnect(const std::string& name, ClientReconnects how,
                                                   const Scenario& s) {
  if (s.scripted != Role::server || s.connections() == 1) return std::nullopt;
  switch (how) {
    case ClientReconnects::never:
      return name + " connects once; it cannot resume";
    case ClientReconnects::resume_once: {
      // Its first connection ends right after the handshake, keeping the
      // session whatever we would have done on it next.
      const auto first = std::ranges::find_if(s.steps, [](const Step& st) { return st.is<ReconnectStep>(); });
      const bool only_handshake = std::all_of(s.steps.begin(), first, [](const Step& st) {
        return st.is<HandshakeStep>();
      });
      if (s.connections() > 2 || !only_handshake) {
        return name + "'s client makes two connections and closes the first right after its handshake";
      }
      return std::nullopt;
    }
    case ClientReconnects::run_per_connection:
      // The session file is written as the handshake completes: whether the
      // stack would forget it after the alert (RFC 5246 §7.2.2) cannot be
      // seen from outside the process.
      if (fatal_alert_before_reconnect(s)) {
        return name + "'s client keeps its session in a file written before the alert";
      }
      return std::nullopt;
  }
  return std::nullopt;
}

Result<std::unique_ptr<SutInstance>> start_client_process(ClientArgv argv_for, ClientReconnects reconnects) {
  auto listener = net::listen_tcp("127.0.0.1", 0);
  if (!listener) return listener.error();
  auto port = net::local_port(*listener);
  if (!port) return port.error();
  return std::unique_ptr<SutInstance>(std::make_unique<ClientProcess>(
      std::move(listener).value(), std::move(argv_for), *port, reconnects));
}

}  // namespace gauntlet::conformance
