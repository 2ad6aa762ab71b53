# Sourced by the bench scripts (from the repository root): the galley binary measured, a
# scratch folder removed on exit, and medians.

# Sets `galley` to $GALLEY or the release build, and stops unless it is there.
bench_galley() {
  galley=${GALLEY:-.build/release/galley}
  [ -x "$galley" ] || { echo "build galley first: make build" >&2; exit 1; }
}

# Sets `work` to a new folder under $OUT (default /dev/shm) named after $1, removed on exit.
bench_scratch() {
  work=$(mktemp -d "${OUT:-/dev/shm}/galley-bench-$1.XXXXXX")
  trap 'rm -rf "$work"' EXIT
}

# The median of the numbers on standard input, one per line, with three decimals.
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
