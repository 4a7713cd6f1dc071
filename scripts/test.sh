#!/usr/bin/env bash
# The README's test command: every test, in the default configuration and
# again under ASan + UBSan + LSan. Ends with "N passed, N failed", counted from
# Bazel's own results (each GoogleTest case; a non-GoogleTest target counts as
# one case; a target that failed to build or crashed counts as failed).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

passed=0
failed=0
status=0
bep_dir=$(mktemp -d)
trap 'rm -rf "$bep_dir"' EXIT

# A disk cache shared by both configurations and by later runs on the same
# machine: a rerun rebuilds only what changed (override with GAUNTLET_DISK_CACHE).
disk_cache=${GAUNTLET_DISK_CACHE:-$HOME/.cache/gauntlet-disk}

for config in default asan; do
  args=(--disk_cache="$disk_cache")
  [ "$config" = default ] || args+=(--config="$config")
  echo "=== bazel test //... (${config}) ==="
  bep="$bep_dir/$config.json"
  bazel test "${args[@]}" --build_event_json_file="$bep" //... || status=1
  read -r p f < <(python3 scripts/count_test_results.py "$bep")
  echo "${config}: ${p} passed, ${f} failed"
  passed=$((passed + p))
  failed=$((failed + f))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # Bazel failed before any test could report (e.g. a build error).
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
