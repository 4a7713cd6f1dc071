#!/usr/bin/env bash
# Line and branch coverage of the engine from replaying every checked-in
# corpus (corpora/<target>/ and corpora/regressions/<target>/) through the
# fuzz targets, built with --config=coverage (clang source-based coverage).
#
#   scripts/coverage.sh [--out DIR] [TARGET...]      (default: every target)
#
# Writes DIR/html/index.html (llvm-cov show) and DIR/summary.txt (llvm-cov
# report: regions, functions, lines and branches per file), then lists the
# parser and TLS 1.3 state-machine files under the issues' bar of 90% line
# coverage; the exit status is 1 when any is.
#
# Bazel: $BAZEL, $BAZEL_STARTUP and $BAZEL_FLAGS as for scripts/fuzz.sh.
set -uo pipefail
cd "$(dirname "$0")/.."

out=coverage-out
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=${2:?}; shift ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "usage: scripts/coverage.sh [--out DIR] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

BAZEL=${BAZEL:-bazel}
read -r -a startup <<<"${BAZEL_STARTUP:-}"
read -r -a flags <<<"${BAZEL_FLAGS:-}"
bazel_cmd() { "$BAZEL" "${startup[@]}" "$@"; }

if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(bazel_cmd query --noshow_progress \
    'attr(tags, "fuzz_target", kind("cc_binary", //fuzz:all))' 2>/dev/null | sed 's|^//fuzz:||')
fi
[ ${#targets[@]} -gt 0 ] || { echo "coverage.sh: no fuzz targets found" >&2; exit 1; }

bazel_cmd build --config=coverage "${flags[@]}" $(printf '//fuzz:%s ' "${targets[@]}") || exit 1
bin=$(bazel_cmd info --config=coverage "${flags[@]}" bazel-bin 2>/dev/null)/fuzz

rm -rf "$out" && mkdir -p "$out/profiles"
objects=()
for t in "${targets[@]}"; do
  # Without libFuzzer the target's main() is replay_main: it feeds every
  # file of the directories it is given.
  LLVM_PROFILE_FILE="$out/profiles/$t.profraw" "$bin/$t" "corpora/$t" "corpora/regressions/$t" \
    >"$out/profiles/$t.log" 2>&1 || echo "coverage.sh: $t failed its replay (see $out/profiles/$t.log)" >&2
  [ "$t" = "${targets[0]}" ] || objects+=(-object "$bin/$t")
done
llvm-profdata merge -sparse "$out"/profiles/*.profraw -o "$out/merged.profdata" || exit 1

# The engine only: not the targets themselves nor system headers.
filters=(-ignore-filename-regex='/(fuzz|third_party)/|^/usr/|external/')
llvm-cov show "$bin/${targets[0]}" "${objects[@]}" -instr-profile="$out/merged.profdata" \
  "${filters[@]}" -format=html -show-branches=count -output-dir="$out/html" || exit 1
llvm-cov report "$bin/${targets[0]}" "${objects[@]}" -instr-profile="$out/merged.profdata" \
  "${filters[@]}" >"$out/summary.txt" || exit 1
cat "$out/summary.txt"

# The parser files: record headers and protection, handshake framing, every
# message and extension, SSLv2, TLS 1.3, the session state and tickets, the
# PEM/DER loaders and the scenario file loader; and the TLS 1.3 state
# machine (engine/connection/*_13.cc) and key schedule, which the TLS 1.3
# stateful targets drive. Files of those folders that parse nothing, and so
# are skipped:
#   key_block.cc        splits derived key material (its unit tests cover it)
#   protection.cc       builds a protection from parameters; its refusals are
#                       internal errors the fixed fuzz variants cannot reach
#   sequence_number.cc  refuses to wrap at 2^64 records
#   session_cache.cc    the server's session-ID cache
#   single_use.cc       the server's single-use ticket store (0-RTT
#                       anti-replay): its eviction needs more tickets than
#                       a fuzz input's connection claims (its unit tests)
#   our_certificate_verify_13.cc
#                       signs our own CertificateVerify, and applies the
#                       runner's Bugs to it, which no fuzz input sets
# llvm-cov report columns: file, regions (3), functions (3), lines (3), branches (3).
# It names files from the folder they all share: "engine/" goes when every
# file is under it (a run of engine-only targets), hence the optional prefix;
# a report where no file matches is a failure, not a pass.
awk '($1 ~ /^(engine\/)?(record|messages|session)\// ||
      $1 ~ /^(engine\/)?crypto\/[a-z]+_loader\.cc$/ ||
      $1 ~ /^(engine\/)?connection\/[a-z_]+_13\.cc$/ ||
      $1 ~ /^(engine\/)?key_schedule\/(tls13_key_schedule|psk_binder)\.cc$/ ||
      $1 == "conformance/scenario/loader.cc") &&
     $1 ~ /\.cc$/ && $1 !~ /_test\.cc$/ &&
     $1 !~ /\/(key_block|protection|sequence_number|session_cache|single_use|our_certificate_verify_13)\.cc$/ {
       pct = $10; sub(/%/, "", pct); n++
       if (pct + 0 < 90) { printf "below 90%% lines: %s %s\n", $1, $10; low = 1 }
     }
     END {
       if (n == 0) { print "no parser file in the report"; exit 1 }
       printf "%d parser and TLS 1.3 state-machine files, %s\n", n,
         low ? "some under 90% of lines" : "each at 90% of lines or more"
       exit low
     }' "$out/summary.txt" | tee "$out/below_bar.txt"
status=${PIPESTATUS[0]}
echo "HTML report: $out/html/index.html; summary: $out/summary.txt"
exit "$status"
