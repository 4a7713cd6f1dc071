#!/usr/bin/env bash
# The README's main command. Until the conformance runner lands it builds
# everything and prints what the engine supports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
bazel build //...
bazel-bin/gauntlet info
