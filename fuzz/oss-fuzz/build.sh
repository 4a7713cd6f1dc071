#!/bin/bash -eu
# Builds every fuzz target the way OSS-Fuzz and ClusterFuzzLite run a
# project's build.sh: with their compiler and flags ($CC $CXX $CFLAGS
# $CXXFLAGS), linked against $LIB_FUZZING_ENGINE, written to $OUT with a
# seed corpus (<target>_seed_corpus.zip: corpora/<target>/ and its
# regressions) and a dictionary (<target>.dict) each. Bazel is not needed:
# the engine's sources are compiled straight into one static library.
#
# Locally, as OSS-Fuzz sets the variables for an ASan build:
#   CC=clang CXX=clang++ \
#   CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link" \
#   CXXFLAGS="$CFLAGS" LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/oss-fuzz-out \
#   fuzz/oss-fuzz/build.sh
# (OSS-Fuzz adds -stdlib=libc++ to CXXFLAGS; its base image has libc++.)
# OpenSSL's libcrypto and libssl come from the system, or from wherever
# $OPENSSL_PREFIX points (an OSS-Fuzz Dockerfile may build them from source).

SRC_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$SRC_ROOT"
: "${CC:?} ${CXX:?} ${LIB_FUZZING_ENGINE:?} ${OUT:?}"
CFLAGS=${CFLAGS:-}
CXXFLAGS=${CXXFLAGS:-}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$OUT" "$WORK/obj"

openssl_include=()
openssl_libs=(-lssl -lcrypto)
# yaml-cpp for the scenario loader: the system's, or $YAML_CPP_LIB.
yaml_lib=${YAML_CPP_LIB:--lyaml-cpp}
if [ -n "${OPENSSL_PREFIX:-}" ]; then
  openssl_include=(-I"$OPENSSL_PREFIX/include")
  openssl_libs=("$OPENSSL_PREFIX/lib/libssl.a" "$OPENSSL_PREFIX/lib/libcrypto.a" -ldl -pthread)
fi

# The fuzzing build mode is what lets the stateful targets past the
# cryptography (engine/connection, fuzzer mode); OSS-Fuzz sets it already.
flags=(-std=c++20 -I"$SRC_ROOT" "${openssl_include[@]}" -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)

# The engine (no tests, no test support), the conformance scenario loader
# (scenario_file) and what the targets share.
mapfile -t sources < <(find engine conformance/scenario -name '*.cc' ! -name '*_test.cc' \
  ! -path 'engine/testing/*' | sort)
sources+=(fuzz/crypto/fixed_keys.cc fuzz/stateful/fuzz_identities.cc fuzz/stateful/settings.cc
  fuzz/stateful/variants.cc)
objects=()
for src in "${sources[@]}"; do
  obj="$WORK/obj/${src//\//_}.o"
  # shellcheck disable=SC2086 # the flag variables are word lists by contract
  $CXX $CXXFLAGS "${flags[@]}" -c "$src" -o "$obj" &
  objects+=("$obj")
  # Two compilers at once at most, to share a small machine.
  [ "$(jobs -r | wc -l)" -lt "${BUILD_JOBS:-2}" ] || wait -n
done
wait
rm -f "$WORK/libgauntlet.a"
ar rcs "$WORK/libgauntlet.a" "${objects[@]}"

# shellcheck source=scripts/lib/fuzz_dict.sh
. scripts/lib/fuzz_dict.sh
for src in fuzz/*.cc; do
  target=$(basename "$src" .cc)
  [ "$target" != replay_main ] || continue
  # shellcheck disable=SC2086
  $CXX $CXXFLAGS "${flags[@]}" "$src" "$WORK/libgauntlet.a" $LIB_FUZZING_ENGINE \
    "${openssl_libs[@]}" $yaml_lib -o "$OUT/$target"
  rm -f "$OUT/${target}_seed_corpus.zip"
  (cd corpora && find "$target" "regressions/$target" -type f 2>/dev/null |
    zip -q -j "$OUT/${target}_seed_corpus.zip" -@)
  cp "fuzz/$(dict_for "$target")" "$OUT/$target.dict"
done
