"""gauntlet_fuzz_target: one source, two builds.

Under --config=fuzz (which sets --define=fuzzing_engine=libfuzzer) NAME is a
libFuzzer binary. In every configuration NAME_replay is an ordinary test that
feeds each file of corpora/NAME/ and corpora/regressions/NAME/ to the target,
so `bazel test //...` catches a reintroduced crash without clang.
"""

load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_test")

def gauntlet_fuzz_target(name, srcs, deps = []):
    cc_binary(
        name = name,
        srcs = srcs,
        deps = deps + ["//fuzz:oracle"] + select({
            "//fuzz:libfuzzer": [],
            "//conditions:default": ["//fuzz:replay_main"],
        }),
        linkopts = select({
            "//fuzz:libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        tags = ["fuzz_target"],
    )
    cc_test(
        name = name + "_replay",
        srcs = srcs,
        deps = deps + ["//fuzz:oracle", "//fuzz:replay_main"],
        data = ["//corpora:" + name],
        args = ["corpora/" + name, "corpora/regressions/" + name],
    )
