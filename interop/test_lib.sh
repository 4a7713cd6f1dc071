# What the interop shell tests share: a scratch directory and the processes
# they started, cleaned up on exit; PASS/FAIL lines with the files that say
# why; free loopback ports. Sourced after $work and $pids are wanted.
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { echo "PASS $1"; }
fail() {  # name, files to show
  echo "FAIL $1"
  shift
  for f in "$@"; do echo "--- $f"; sed 's/^/    /' "$f" | tail -40; done
  failures=$((failures + 1))
}
have() { command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 is not installed"; return 1; }; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits until something listens on the port (at most 5 s), without
# connecting: a probe would use up a server's only connection.
wait_port() {
  local hex
  hex=$(printf '%04X' "$1")
  for _ in $(seq 50); do
    grep -q ":$hex [0-9A-F:]* 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
