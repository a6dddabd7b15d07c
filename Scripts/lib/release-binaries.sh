# Sourced by the benchmarks and campaigns. `release_binaries DEFAULT_SCRATCH` sets $bin to a
# folder holding release builds of kyosei and kyosei-bench: KYOSEI_BIN_DIR names one already
# built, used as it is (an older build measured back to back with a new one, on the same files);
# otherwise both are built in KYOSEI_SCRATCH (a worktree's own build folder), by default
# DEFAULT_SCRATCH.
release_binaries() {
  if [[ -n "${KYOSEI_BIN_DIR:-}" ]]; then
    bin=$KYOSEI_BIN_DIR
    return
  fi
  local scratch=(--scratch-path "${KYOSEI_SCRATCH:-$1}")
  swift build -c release "${scratch[@]}" --product kyosei >&2
  swift build -c release "${scratch[@]}" --product kyosei-bench >&2
  bin=$(swift build -c release "${scratch[@]}" --show-bin-path)
}
