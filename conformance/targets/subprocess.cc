#include "conformance/targets/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace gauntlet::conformance {

Result<Subprocess> Subprocess::spawn(const std::vector<std::string>& argv, const std::string& input) {
  if (argv.empty()) return internal_error("empty command");
  int out[2], in[2];
  if (pipe2(out, O_CLOEXEC) != 0) return internal_error(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(in, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return internal_error(std::string("pipe: ") + std::strerror(errno));
  }
  net::Fd out_read(out[0]), out_write(out[1]), in_read(in[0]), in_write(in[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_read.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return internal_error("cannot run " + argv[0] + ": " + std::strerror(rc));
  fcntl(out_read.get(), F_SETFL, O_NONBLOCK);
  Subprocess p(pid, std::move(out_read), std::move(in_write));
  if (!input.empty()) {
    // Small requests only: they fit the pipe's buffer, so this cannot block.
    (void)!write(p.in_.get(), input.data(), input.size());
  }
  return p;
}

Subprocess::Subprocess(Subprocess&& o) noexcept
    : pid_(std::exchange(o.pid_, -1)), exited_(o.exited_), out_(std::move(o.out_)), in_(std::move(o.in_)),
      output_(std::move(o.output_)) {}

Subprocess::~Subprocess() {
  if (pid_ <= 0) return;
  // The whole group: a command run through a shell leaves its children there.
  kill(-pid_, SIGKILL);
  if (!exited_) waitpid(pid_, nullptr, 0);
}

void Subprocess::drain(int timeout_ms) {
  pollfd p{out_.get(), POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(out_.get(), buf, sizeof buf);
    if (n <= 0) return;
    output_.append(buf, static_cast<size_t>(n));
  }
}

const std::string& Subprocess::output() {
  drain(0);
  return output_;
}

std::string Subprocess::take_output() {
  drain(0);
  return std::exchange(output_, {});
}

bool Subprocess::running() {
  if (pid_ <= 0 || exited_) return false;
  exited_ = waitpid(pid_, nullptr, WNOHANG) == pid_;
  return !exited_;
}

void Subprocess::stop(std::chrono::milliseconds grace) {
  if (pid_ <= 0 || !running()) {
    drain(0);
    return;
  }
  kill(-pid_, SIGTERM);
  const auto until = net::deadline_in(grace);
  while (running() && net::Clock::now() < until) drain(20);
  drain(0);
}

bool Subprocess::wait_exit(net::Deadline deadline) {
  while (running()) {
    if (net::Clock::now() >= deadline || net::waits_cancelled()) return false;
    drain(20);
  }
  drain(0);
  return true;
}

bool Subprocess::wait_for(const std::string& needle, net::Deadline deadline) {
  for (;;) {
    // What it printed before it exited is still in the pipe.
    const bool exited = !running();
    drain(exited ? 0 : 20);
    if (output_.find(needle) != std::string::npos) return true;
    if (exited || net::Clock::now() >= deadline || net::waits_cancelled()) return false;
  }
}

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : command) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(std::exchange(word, {}));
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) out.push_back(word);
  return out;
}

Result<uint16_t> free_port() {
  auto fd = net::listen_tcp("127.0.0.1", 0);
  if (!fd) return fd.error();
  return net::local_port(*fd);
}

}  // namespace gauntlet::conformance
