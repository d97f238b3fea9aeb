#!/usr/bin/env bash
# Holds the example server (imap-proto/examples/server, the README's
# `cargo run --release --example server`) to Dovecot's imaptest: builds
# imaptest (build.sh) and the server, then, each against a fresh server on
# a free loopback port:
#   1. the scripted compliance tests (every group must pass, no `Error:`);
#   2. a stress run: IMAPTEST_CLIENTS clients (20) for IMAPTEST_SECS
#      seconds (60) doing random commands at once (COPY to Trash among
#      them); any `Error:` fails.
# Prints both reports and a summary; exit status 0 only if both pass.
#
# Environment (all optional):
#   IMAPTEST_BUILD    where imaptest is built (default target/imaptest)
#   IMAPTEST_CLIENTS  stress clients (default 20)
#   IMAPTEST_SECS     stress seconds (default 60)
#   IMAPTEST_ONLY     scripted | stress (default both)
#   IMAPTEST_TEST     one scripted test file or directory (default all)
#   IMAPTEST_ARGS     stress arguments besides clients and secs (default
#                     "copybox=Trash": COPY too; e.g. "copybox=Trash search=50")
#   IMAPTEST_OUT      where reports and server logs go (default target/imaptest/out)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
build=${IMAPTEST_BUILD:-$root/target/imaptest}
clients=${IMAPTEST_CLIENTS:-20}
secs=${IMAPTEST_SECS:-60}
only=${IMAPTEST_ONLY:-}
out=${IMAPTEST_OUT:-$build/out}

imaptest=$("$here/build.sh" "$build")
# After the build, which starts from an empty directory.
mkdir -p "$out"
tests=$build/imaptest/src/tests
echo "imaptest: $imaptest"
cargo build --release -p imap-proto --example server
server_bin=$root/target/release/examples/server

pid=
stop_server() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
  fi
}
trap stop_server EXIT

# Starts a fresh server on a free port (IMAP_PORT=0: the system picks);
# sets $port from the line it prints.
start_server() {
  local log=$1
  IMAP_PORT=0 IMAPS_PORT=0 IMAP_QUIET=${2:-1} "$server_bin" >"$log.stdout" 2>"$log" &
  pid=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's/^imap-proto demo server on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log.stdout")
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "imaptest: the example server did not start; see $log" >&2
  exit 1
}

status=0
scripted_summary="not run"
stress_summary="not run"

if [ "$only" != stress ]; then
  echo "== imaptest scripted tests"
  start_server "$out/scripted-server.log" 0
  report=$out/scripted.txt
  # The tests' own default mbox; test= runs every file of the directory.
  timeout 600 "$imaptest" host=127.0.0.1 port="$port" user=demo pass=demo \
    mbox="$tests/default.mbox" test="${IMAPTEST_TEST:-$tests}" >"$report" 2>&1 || true
  stop_server
  cat "$report"
  groups=$(grep -E '^[0-9]+ test groups: ' "$report" || true)
  base=$(grep -E '^base protocol: ' "$report" || true)
  errors=$(grep -c '^Error:' "$report" || true)
  scripted_summary="${groups:-no summary line}; ${base:-?}; $errors Error: lines"
  if ! grep -qE '^[0-9]+ test groups: 0 failed' "$report" || [ "$errors" != 0 ]; then
    status=1
  fi
fi

if [ "$only" != scripted ]; then
  echo "== imaptest stress: $clients clients, $secs s"
  start_server "$out/stress-server.log"
  report=$out/stress.txt
  timeout $((secs + 120)) "$imaptest" host=127.0.0.1 port="$port" user=demo pass=demo \
    mbox="$tests/default.mbox" clients="$clients" secs="$secs" ${IMAPTEST_ARGS-copybox=Trash} >"$report" 2>&1 || true
  alive=1
  kill -0 "$pid" 2>/dev/null || alive=0
  stop_server
  errors=$(grep -c '^Error:' "$report" || true)
  # The per-second counter lines: a run that did nothing is no pass.
  logins=$(awk '/^Totals:/ {t = 1} t && /^[0-9]+ / {n = $1} END {print n + 0}' "$report")
  grep '^Error:' "$report" | sort | uniq -c | sort -rn | head -20 || true
  tail -n 12 "$report"
  stress_summary="$errors Error: lines, $logins logins counted"
  if [ "$errors" != 0 ] || [ "$logins" = 0 ] || [ "$alive" = 0 ]; then
    status=1
    [ "$alive" = 0 ] && stress_summary="$stress_summary; the server died (see $out/stress-server.log)"
  fi
fi

echo "== imaptest summary"
echo "scripted: $scripted_summary"
echo "stress ($clients clients, $secs s): $stress_summary"
echo "reports: $out"
exit $status
