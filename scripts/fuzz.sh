#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (docs/FUZZING.md).
#
#   scripts/fuzz.sh [--all | TARGET...] [--time 10m] [--jobs N] [--out DIR]
#                   [--report FILE] [--no-sanitizers] [--no-build] [--minimize-corpora]
#
# Builds every target with --config=fuzz (ASan + UBSan; --no-sanitizers uses
# --config=fuzz_nosan, for measuring speed), then runs the chosen targets
# for --time in total on --jobs workers (default: all cores): each target
# gets an equal share of the worker-time, and when there are more workers
# than targets a target runs on several workers at once. New inputs are
# merged back into corpora/<target>/ with -merge=1 (only those that add
# coverage). A crash, leak, timeout or out-of-memory is minimized, copied to
# corpora/regressions/<target>/ (so the _replay test fails until it is
# fixed) and listed with the exact command that reproduces it; that target
# then goes on fuzzing for the rest of its time and the other targets are
# not affected. The run ends with a table per target (execs/s, corpus size,
# coverage features, new inputs, crashes), printed and written to the report.
#
# Bazel: $BAZEL (default bazel), with startup options $BAZEL_STARTUP and
# build options $BAZEL_FLAGS, e.g. a private output base:
#   BAZEL_STARTUP=--output_base=$HOME/.cache/bazel-fuzz scripts/fuzz.sh --all --time 8h
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

usage() {
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

seconds() {  # 90, 90s, 10m, 8h -> seconds
  local v=$1
  case $v in
    *h) echo $((${v%h} * 3600)) ;;
    *m) echo $((${v%m} * 60)) ;;
    *s) echo "${v%s}" ;;
    *) echo "$v" ;;
  esac
}

all=0
targets=()
total=600
jobs=$(nproc)
out=""
report=""
config=fuzz
build=1
minimize=0
while [ $# -gt 0 ]; do
  case $1 in
    --all) all=1 ;;
    --time) total=$(seconds "${2:?}") || usage; shift ;;
    --jobs) jobs=${2:?}; shift ;;
    --out) out=${2:?}; shift ;;
    --report) report=${2:?}; shift ;;
    --no-sanitizers) config=fuzz_nosan ;;
    --no-build) build=0 ;;
    --minimize-corpora) minimize=1 ;;
    -h | --help) usage ;;
    -*) usage ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[[ $total =~ ^[0-9]+$ && $jobs =~ ^[0-9]+$ && $jobs -ge 1 ]] || usage
[ "$all" -eq 1 ] || [ ${#targets[@]} -gt 0 ] || usage

BAZEL=${BAZEL:-bazel}
read -r -a startup <<<"${BAZEL_STARTUP:-}"
read -r -a flags <<<"${BAZEL_FLAGS:-}"
bazel_cmd() { "$BAZEL" "${startup[@]}" "$@"; }

known=$(bazel_cmd query --noshow_progress 'attr(tags, "fuzz_target", kind("cc_binary", //fuzz:all))' 2>/dev/null |
  sed 's|^//fuzz:||') || { echo "fuzz.sh: bazel query failed" >&2; exit 1; }
if [ "$all" -eq 1 ]; then
  mapfile -t targets <<<"$known"
fi
for t in "${targets[@]}"; do
  grep -qx "$t" <<<"$known" || { echo "fuzz.sh: no fuzz target '$t'" >&2; exit 2; }
done

if [ "$build" -eq 1 ]; then
  bazel_cmd build --config="$config" "${flags[@]}" $(printf '//fuzz:%s ' "${targets[@]}") || exit 1
fi
bin=$(bazel_cmd info --config="$config" "${flags[@]}" bazel-bin 2>/dev/null)/fuzz

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${out:-$ROOT/fuzz-out/$stamp}
report=${report:-$out/report.txt}
mkdir -p "$out" "$(dirname "$report")"

# shellcheck source=scripts/lib/fuzz_dict.sh
. scripts/lib/fuzz_dict.sh

# Time per target: the worker-time split evenly; a target gets several
# workers when there are more workers than targets.
n=${#targets[@]}
per_target_workers=$(( jobs > n ? jobs / n : 1 ))
slot=$(( total * jobs / (n * per_target_workers) ))
[ "$slot" -ge 10 ] || slot=10

# One target's whole share of time: libFuzzer stops at the first crash, so
# it is restarted on the same corpus until the time is used (at most a
# handful of crashes per target, so one shallow bug cannot eat the night).
fuzz_one() {
  local t=$1 worker=$2 dir="$out/$1" deadline=$(( $(date +%s) + slot )) crashes=0 left
  local new="$dir/new-$worker" log="$dir/worker-$worker.log"
  mkdir -p "$new" "$dir/artifacts" "corpora/$t" "corpora/regressions/$t"
  : >"$log"
  while left=$(( deadline - $(date +%s) )); [ "$left" -ge 5 ] && [ "$crashes" -lt 5 ]; do
    "$bin/$t" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -dict="fuzz/$(dict_for "$t")" -artifact_prefix="$dir/artifacts/" \
      "$new" "corpora/$t" "corpora/regressions/$t" >>"$log" 2>&1 && break
    crashes=$((crashes + 1))
  done
}

# A found input, minimized where libFuzzer can, kept as a regression named
# by its minimized content (restarts that find the same bug again add
# nothing), with the command that reproduces it. Prints 1 if it was new.
keep_artifact() {
  local t=$1 artifact=$2 name kind kept
  name=$(basename "$artifact")
  kind=${name%%-*}
  case $kind in
    crash | leak)
      "$bin/$t" -minimize_crash=1 -max_total_time=60 -exact_artifact_path="$out/$t/min-$name" \
        "$artifact" >"$out/$t/minimize-$name.log" 2>&1
      [ -s "$out/$t/min-$name" ] && artifact="$out/$t/min-$name" ;;
  esac
  kept="corpora/regressions/$t/$kind-$(sha1sum "$artifact" | cut -c1-40)"
  if [ -e "$kept" ]; then echo 0; return; fi
  cp "$artifact" "$kept"
  {
    echo "$t: $(basename "$kept")"
    echo "  reproduce: $bin/$t $ROOT/$kept"
    echo "  replay:    bazel test //fuzz:${t}_replay"
  } >>"$out/crashes.txt"
  echo 1
}

execs_per_second() {  # every worker's executions over the target's time
  awk -v t="$slot" '$1 == "stat::number_of_executed_units:" { s += $2 } END { printf "%d", s / t }' \
    "$@" 2>/dev/null
}

features_of() {  # coverage features of the last status line
  grep -ho ' ft: [0-9]*' "$@" 2>/dev/null | tail -1 | awk '{ print $2 + 0 }'
}

echo "fuzzing ${n} target(s), ${slot}s each on ${per_target_workers} worker(s), ${jobs} at once; output in $out"
queue=()
for t in "${targets[@]}"; do
  for ((w = 0; w < per_target_workers; ++w)); do queue+=("$t:$w"); done
done
running=0
for job in "${queue[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
  fuzz_one "${job%%:*}" "${job##*:}" &
  running=$((running + 1))
done
wait

printf '%-28s %10s %8s %9s %6s %8s\n' target execs/s corpus features new crashes >"$out/table.txt"
for t in "${targets[@]}"; do
  dir="$out/$t"
  before=$(find "corpora/$t" -type f | wc -l)
  # Merge: only inputs that add coverage join the checked-in corpus.
  "$bin/$t" -merge=1 -timeout=10 -rss_limit_mb=2048 "corpora/$t" "$dir"/new-* >"$dir/merge.log" 2>&1
  if [ "$minimize" -eq 1 ]; then
    rm -rf "$dir/minimized" && mkdir -p "$dir/minimized"
    if "$bin/$t" -merge=1 -timeout=10 "$dir/minimized" "corpora/$t" >"$dir/minimize.log" 2>&1 &&
      [ -n "$(ls -A "$dir/minimized")" ]; then
      rm -f corpora/"$t"/* && cp "$dir"/minimized/* "corpora/$t/"
    fi
  fi
  after=$(find "corpora/$t" -type f | wc -l)
  found=0
  for artifact in "$dir"/artifacts/*; do
    [ -f "$artifact" ] || continue
    found=$((found + $(keep_artifact "$t" "$artifact")))
  done
  printf '%-28s %10s %8s %9s %6s %8s\n' "$t" "$(execs_per_second "$dir"/worker-*.log)" \
    "$after" "$(features_of "$dir"/worker-*.log)" "$((after - before))" "$found" >>"$out/table.txt"
done

{
  echo "scripts/fuzz.sh ${stamp}: ${n} target(s), ${slot}s each on ${per_target_workers} worker(s), --config=${config}"
  echo
  cat "$out/table.txt"
  if [ -s "$out/crashes.txt" ]; then
    echo
    echo "crashes (minimized, kept in corpora/regressions/):"
    cat "$out/crashes.txt"
  fi
} >"$report"
[ "$report" = "$out/report.txt" ] || cp "$report" "$out/report.txt"
cat "$report"
echo "report: $report"
