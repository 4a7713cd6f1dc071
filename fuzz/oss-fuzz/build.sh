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
# $OPENSSL_PREFIX points (Dockerfile beside this script builds them there).
# yaml-cpp is C++, so under libc++ it must be compiled with the same flags:
# $YAML_CPP_SRC names its source tree and it is built here first.

# In the repository, or copied to $SRC/build.sh by the Dockerfile and run
# from the repository (its WORKDIR).
SRC_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$SRC_ROOT/engine" ] || SRC_ROOT=$PWD
cd "$SRC_ROOT"
: "${CC:?} ${CXX:?} ${LIB_FUZZING_ENGINE:?} ${OUT:?}"
CFLAGS=${CFLAGS:-}
CXXFLAGS=${CXXFLAGS:-}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$OUT" "$WORK/obj"

openssl_include=()
openssl_libs=(-lssl -lcrypto)
if [ -n "${OPENSSL_PREFIX:-}" ]; then
  openssl_include=(-I"$OPENSSL_PREFIX/include")
  openssl_libs=("$OPENSSL_PREFIX/lib/libssl.a" "$OPENSSL_PREFIX/lib/libcrypto.a" -ldl -pthread)
fi
# yaml-cpp for the scenario loader: the system's, or built from $YAML_CPP_SRC.
yaml_include=()
yaml_lib=-lyaml-cpp
if [ -n "${YAML_CPP_SRC:-}" ]; then
  cmake -S "$YAML_CPP_SRC" -B "$WORK/yaml-cpp" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
    -DBUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
    -DYAML_CPP_BUILD_CONTRIB=OFF >"$WORK/yaml-cpp.log"
  cmake --build "$WORK/yaml-cpp" -j "${BUILD_JOBS:-2}" >>"$WORK/yaml-cpp.log"
  yaml_include=(-I"$YAML_CPP_SRC/include")
  yaml_lib=$WORK/yaml-cpp/libyaml-cpp.a
fi

# The fuzzing build mode is what lets the stateful targets past the
# cryptography (engine/connection, fuzzer mode); OSS-Fuzz sets it already.
flags=(-std=c++20 -I"$SRC_ROOT" "${yaml_include[@]}" "${openssl_include[@]}"
  -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)

# The engine (no tests, no test support), the conformance scenario loader
# and the step kinds it reads (scenario_file), the reader of a server's
# answer and the socket types its header names (server_answer), and what
# the targets share.
mapfile -t sources < <(find engine conformance/scenario conformance/steps -name '*.cc' \
  ! -name '*_test.cc' ! -path 'engine/testing/*' | sort)
sources+=(conformance/profile/server_answer.cc transport/socket.cc
  fuzz/crypto/fixed_keys.cc fuzz/stateful/fuzz_identities.cc fuzz/stateful/settings.cc
  fuzz/stateful/variants.cc)
objects=()
failed=0
for src in "${sources[@]}"; do
  obj="$WORK/obj/${src//\//_}.o"
  # shellcheck disable=SC2086 # the flag variables are word lists by contract
  $CXX $CXXFLAGS "${flags[@]}" -c "$src" -o "$obj" &
  objects+=("$obj")
  # Two compilers at once at most, to share a small machine.
  if [ "$(jobs -r | wc -l)" -ge "${BUILD_JOBS:-2}" ]; then wait -n || failed=1; fi
done
for pid in $(jobs -p); do wait "$pid" || failed=1; done
[ "$failed" -eq 0 ] || { echo "build.sh: a source file did not compile" >&2; exit 1; }
rm -f "$WORK/libgauntlet.a"
ar rcs "$WORK/libgauntlet.a" "${objects[@]}"

# shellcheck source=scripts/lib/fuzz_dict.sh
. scripts/lib/fuzz_dict.sh
for src in fuzz/*.cc; do
  target=$(basename "$src" .cc)
  # Not targets: the replay main and the GoogleTest tests beside them.
  [ "$target" != replay_main ] && [[ "$target" != *_test ]] || continue
  # shellcheck disable=SC2086
  $CXX $CXXFLAGS "${flags[@]}" "$src" "$WORK/libgauntlet.a" $LIB_FUZZING_ENGINE \
    "${openssl_libs[@]}" $yaml_lib -o "$OUT/$target"
  rm -f "$OUT/${target}_seed_corpus.zip"
  (cd corpora && find "$target" "regressions/$target" -type f 2>/dev/null |
    zip -q -j "$OUT/${target}_seed_corpus.zip" -@)
  cp "fuzz/$(dict_for "$target")" "$OUT/$target.dict"
done
