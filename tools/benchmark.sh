#!/usr/bin/env bash
# The national benchmarks in one command (issue 10):
#
#   tools/benchmark.sh [CHILDREN] [--smoke] [-Dvongtay.benchmark.NAME=VALUE ...]
#
# Loads the national units (../shared/data/admin-units), generates the national data at the scale asked (children in
# the register, BENCHMARK_CASES cases over 3 years, seed BENCHMARK_SEED) into a PostgreSQL cluster kept under
# target/benchmark-data/, or reuses the one generated earlier with the same seed and scale; then, on a fresh copy of it,
# measures every hot path against its baseline in the same run (child search, register import, the dashboards, the
# case list and case page over HTTP with wrk against the application's jar) and writes the results table into docs/benchmarks.md between
# <!-- harness:CHILDREN --> and <!-- /harness:CHILDREN -->. --smoke (CI) runs everything briefly and leaves the docs
# alone. No figure fails the run; it fails only when the harness itself breaks.
set -euo pipefail
cd "$(dirname "$0")/.."

CHILDREN=100000
SMOKE=false
EXTRA=()
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=true ;;
    -D*) EXTRA+=("$arg") ;;
    *[!0-9]*|'') echo "usage: tools/benchmark.sh [CHILDREN] [--smoke] [-Dname=value ...]" >&2; exit 2 ;;
    *) CHILDREN="$arg" ;;
  esac
done
# By default a tenth as many cases as children: the children are spread over all 3,321 communes, so that gives each
# commune about the cases a commune of the whole country holds (25 million children, ~25,000 cases a year, a few
# years kept), and 100,000 cases at 1,000,000 children, the scale of the indicators' goal.
CASES="${BENCHMARK_CASES:-$((CHILDREN / 10))}"
SEED="${BENCHMARK_SEED:-7}"
if $SMOKE; then
  CASES="${BENCHMARK_CASES:-300}"
  EXTRA=(-Dvongtay.benchmark.import-rows=2000 -Dvongtay.benchmark.import-runs=2 -Dvongtay.benchmark.search-samples=60
    -Dvongtay.benchmark.sessions=20 -Dvongtay.benchmark.concurrency=20 -Dvongtay.benchmark.http-seconds=3 -Dvongtay.benchmark.http-runs=1
    -Dvongtay.benchmark.http-warm-up-seconds=1 -Dvongtay.benchmark.dashboard-runs=5 -Dvongtay.benchmark.fresh-runs=2
    -Dvongtay.benchmark.think-sessions=20 -Dvongtay.benchmark.think-seconds=4 -Dvongtay.benchmark.think-lo-ms=500
    -Dvongtay.benchmark.think-hi-ms=1500
    -Dvongtay.benchmark.write-docs=false "${EXTRA[@]}")
fi
if [ ! -d ../shared/data/admin-units ]; then
  echo "benchmark: ../shared/data/admin-units is missing (the national unit files beside the repository)" >&2
  exit 1
fi

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')"
echo "benchmark: $CHILDREN children, $CASES cases, seed $SEED; $(uptime)"

if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

VERSION="$(grep -o 'GENERATOR_VERSION = [0-9]*' src/test/java/vn/vongtay/benchmarks/NationalScale.java | grep -o '[0-9]*$')"
DATA="target/benchmark-data/n${CHILDREN}-c${CASES}-s${SEED}-v${VERSION}"
SCALE=(-Dvongtay.benchmark.children="$CHILDREN" -Dvongtay.benchmark.cases="$CASES" -Dvongtay.benchmark.seed="$SEED"
  -Dvongtay.benchmark.data-dir="$PWD/$DATA")

# the application's jar, which the HTTP figures start as a server of its own
mvn -B -q -DskipTests package

REUSED=false
if [ -f "$DATA/.complete" ]; then
  REUSED=true
  echo "benchmark: reusing the national data in $DATA"
else
  rm -rf "$DATA"
  mkdir -p "$DATA"
  echo "benchmark: generating the national data into $DATA"
fi
mvn -B test -Pbenchmark -Dtest=NationalDataTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvongtay.benchmark.database=national "${SCALE[@]}"
touch "$DATA/.complete"

mvn -B test -Pbenchmark -Dtest=NationalBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvongtay.benchmark.database=run -Dvongtay.benchmark.template=national -Dvongtay.benchmark.reused="$REUSED" \
  -Dvongtay.benchmark.load-at-start="$LOAD_AT_START" "${SCALE[@]}" "${EXTRA[@]}"

echo "benchmark: results in target/benchmarks/harness-$CHILDREN.md$($SMOKE || echo ' and docs/benchmarks.md'); $(uptime)"
