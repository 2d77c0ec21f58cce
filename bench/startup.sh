#!/usr/bin/env bash
# How long the portolan command line takes from start to answer, end to end, against the start of
# the JVM alone (java -version). Runs with hyperfine:
#
#   java -version                          the floor: starting and stopping the JVM
#   bin/portolan 443                       a lookup (with what the knowledge says of the port)
#   bin/portolan search postgres           a search (builds the search index)
#   bin/portolan 443 --format json         a lookup printed as JSON
#   bin/portolan explain 443               the port's whole page as text, in English
#   bin/portolan explain 443 --lang de     the same in German (plural rules, lists and dates of
#                                          another language)
#   bin/portolan explain 443 --lang ja     the same in Japanese (another script, other line breaks)
#   bin/portolan listening                 this machine's listening sockets
#   bin/portolan who 22                    who holds a port
#   bin/portolan who 22 --lang fr          the same in French
#   bin/portolan check 8080                whether a port can be bound, and why not
#   bin/portolan check 22                  the same for a privileged port the knowledge says much of
#   bin/portolan free 8080 --dry-run       how a port would be freed
#   bin/portolan --version                 the program's version (the least a command does)
#
# and prints each median, mean and standard deviation, the ratio of each median to the median of
# java -version, and the mean CPU time (user + system, all threads: the figure a loaded machine
# disturbs least).
#
# Usage: bench/startup.sh [--full] [--runs N] [--warmup N] [--data DIR]
#
#   --full      answer from the full IANA registry, imported first into a temporary
#               PORTOLAN_HOME (needs service-names-port-numbers.xml, see --data); without it the
#               commands answer from the embedded baseline, as on a fresh install
#   --runs N    timed runs per command (default 30)
#   --warmup N  untimed runs first, to fill the file cache (default 3)
#   --data DIR  the directory holding service-names-port-numbers.xml (default: the environment
#               variable PORTOLAN_DATA, else shared/data/iana beside the repository or above it)
#
# Needs hyperfine and a built cli/target/portolan.jar (mvn -q -B package -DskipTests). The
# commands never touch ~/.portolan: they run with a temporary PORTOLAN_HOME.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
full=0
runs=30
warmup=3
data="${PORTOLAN_DATA:-}"

while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=1 ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift ;;
    --data) data="${2:?--data needs a directory}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument \"$1\" (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "startup.sh: hyperfine is not installed. On Debian or Ubuntu: sudo apt-get install hyperfine" >&2
  echo "            (elsewhere: cargo install hyperfine, or your system's package of that name)" >&2
  exit 1
fi
if ! command -v java >/dev/null 2>&1; then
  echo "startup.sh: java is not on the PATH (Java 17 or later is needed)" >&2
  exit 1
fi
jar="$root/cli/target/portolan.jar"
if [ ! -f "$jar" ]; then
  echo "startup.sh: $jar is missing: build it first, from $root:" >&2
  echo "            mvn -q -B package -DskipTests" >&2
  exit 1
fi
if [ ! -f "$root/cli/target/portolan.jsa" ]; then
  echo "startup.sh: note: no class-data-sharing archive (cli/target/portolan.jsa); the figures are" >&2
  echo "            for a start without it" >&2
fi

home="$(mktemp -d)"
out="$(mktemp -d)"
trap 'rm -rf "$home" "$out"' EXIT
export PORTOLAN_HOME="$home"

registry="the embedded baseline"
if [ "$full" = 1 ]; then
  if [ -z "$data" ]; then
    for dir in "$root/.." "$root/../.." "$root/../../.."; do
      if [ -f "$dir/shared/data/iana/service-names-port-numbers.xml" ]; then
        data="$(cd "$dir/shared/data/iana" && pwd)"
        break
      fi
    done
  fi
  xml="${data:-$root/../shared/data/iana}/service-names-port-numbers.xml"
  if [ ! -f "$xml" ]; then
    echo "startup.sh: --full needs the full registry, but $xml is missing;" >&2
    echo "            give its directory with --data DIR or PORTOLAN_DATA=DIR" >&2
    exit 1
  fi
  "$root/bin/portolan" import "$xml" >/dev/null
  registry="the full registry ($xml)"
fi

cd "$root"
commands=(
  "java -version"
  "bin/portolan 443"
  "bin/portolan search postgres"
  "bin/portolan 443 --format json"
  "bin/portolan explain 443"
  "bin/portolan explain 443 --lang de"
  "bin/portolan explain 443 --lang ja"
  "bin/portolan listening"
  "bin/portolan who 22"
  "bin/portolan who 22 --lang fr"
  "bin/portolan check 8080"
  "bin/portolan check 22"
  "bin/portolan free 8080 --dry-run"
  "bin/portolan --version"
)

# Each command must work before it is timed: a failing one would time its error message (check
# answers 1 when the port is taken, which is an answer).
for c in "${commands[@]:1}"; do
  code=0
  bash -c "$c" >/dev/null 2>"$out/err" || code=$?
  if [ "$code" != 0 ] && ! { [ "$code" = 1 ] && [[ "$c" == *" check "* ]]; }; then
    echo "startup.sh: \"$c\" failed:" >&2
    cat "$out/err" >&2
    exit 1
  fi
done

echo "Answering from $registry; $(java -version 2>&1 | head -1); $(nproc) cores; $runs runs after $warmup warm-up runs"
# -N runs each command without a shell in between; bin/portolan is itself a bash script, so its
# own start is part of what is measured, as a user would see it.
hyperfine -N -i --style basic --warmup "$warmup" --runs "$runs" \
  --export-csv "$out/times.csv" "${commands[@]}" >"$out/hyperfine.txt" 2>&1 || {
  cat "$out/hyperfine.txt" >&2
  exit 1
}

# hyperfine's CSV: command,mean,stddev,median,user,system,min,max (seconds). No command here
# contains a comma.
awk -F, '
  NR == 1 { next }
  {
    name = $1
    n++; names[n] = name; median[n] = $4 * 1000; mean[n] = $2 * 1000; sd[n] = $3 * 1000
    cpu[n] = ($5 + $6) * 1000
    if (name == "java -version") base = median[n]
  }
  END {
    printf "%-36s %12s %20s %10s %10s\n", "command", "median (ms)", "mean +- sd (ms)", "x java", "cpu (ms)"
    for (i = 1; i <= n; i++) {
      printf "%-36s %12.1f %12.1f +- %5.1f %10.2f %10.1f\n", names[i], median[i], mean[i], sd[i], median[i] / base, cpu[i]
    }
  }' "$out/times.csv"
