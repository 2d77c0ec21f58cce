#!/usr/bin/env bash
# How long `ss -tulpn` takes as a process with N listening sockets open (1,000 by default), the
# figure the in-process scan of `portolan listening` is compared with (LocalSocketsBenchmark
# measures the scan with JMH). A small Java program holds the sockets while hyperfine runs:
#
#   ss -tulpn                        what a person runs
#   lsof -nP -iTCP -sTCP:LISTEN      the same on macOS and other Unix systems
#   java -version                    the JVM's own start, the yardstick of "as fast as a JVM can be"
#   bin/portolan listening, who, check, free --dry-run
#                                    the whole command line, JVM start included
#
# Usage: bench/inspect-vs-ss.sh [--sockets N] [--runs N] [--warmup N]
#
# Needs Linux, ss (iproute2), hyperfine, java, and for the second command a built
# cli/target/portolan.jar (mvn -q -B package -DskipTests).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sockets=1000
runs=50
warmup=5

while [ $# -gt 0 ]; do
  case "$1" in
    --sockets) sockets="${2:?--sockets needs a number}"; shift ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "inspect-vs-ss.sh: unknown argument \"$1\" (try --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in ss hyperfine java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "inspect-vs-ss.sh: $tool is not installed (Debian: sudo apt-get install iproute2 hyperfine openjdk-17-jdk-headless)" >&2
    exit 1
  fi
done

# The holder reads its standard input from a pipe this script keeps open, and ends when it closes.
fifo="$(mktemp -u)"
mkfifo "$fifo"
ready="$(mktemp)"
java "$root/bench/HoldSockets.java" "$sockets" <"$fifo" >"$ready" &
holder=$!
exec 3>"$fifo"
trap 'exec 3>&-; wait "$holder" 2>/dev/null || true; rm -f "$fifo" "$ready"' EXIT
for _ in $(seq 1 300); do
  grep -q ready "$ready" && break
  sleep 0.1
done
grep -q ready "$ready" || { echo "inspect-vs-ss.sh: the socket holder did not start" >&2; exit 1; }
echo "holding $sockets TCP listeners on 127.0.0.1 (pid $holder); $(ss -tlnH | wc -l) TCP listeners on this machine"

commands=("ss -tulpn" "java -version")
if command -v lsof >/dev/null 2>&1; then
  commands+=("lsof -nP -iTCP -sTCP:LISTEN")
fi
if [ -f "$root/cli/target/portolan.jar" ]; then
  commands+=("$root/bin/portolan listening" "$root/bin/portolan who 22" "$root/bin/portolan check 22"
    "$root/bin/portolan free 22 --dry-run")
fi
hyperfine -N --warmup "$warmup" --runs "$runs" --export-markdown /dev/stdout "${commands[@]}"
