#!/usr/bin/env bash
# Would JDK 25's ahead-of-time cache (JEP 483, 514, 515) start the command line faster than the
# class-data-sharing archive bin/portolan uses on JDK 17? Trains an AOT cache with the same
# typical command lines as the build's archive (dev.portolan.cli.CdsTraining), then times with
# hyperfine, in one run: each JDK's java -version, and each command under JDK 17 with the archive
# (bin/portolan) and under JDK 25 with the AOT cache, with bin/portolan's other JVM flags.
#
# Usage: bench/aot-jdk25.sh [--jdk25 DIR] [--runs N] [--warmup N]
#
#   --jdk25 DIR   the JDK 25 (default: the environment variable JDK25_HOME, else
#                 /usr/lib/jvm/temurin-25-jdk-amd64)
#   --runs N      timed runs per command (default 20)
#   --warmup N    untimed runs first (default 3)
#
# Needs hyperfine and a built cli/target/portolan.jar. Answers from the embedded data in a
# temporary PORTOLAN_HOME.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
runs=20
warmup=3
while [ $# -gt 0 ]; do
  case "$1" in
    --jdk25) jdk25="${2:?--jdk25 needs a directory}"; shift ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "aot-jdk25.sh: unknown argument \"$1\" (try --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v hyperfine >/dev/null || { echo "aot-jdk25.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
java25="$jdk25/bin/java"
if ! "$java25" -XX:AOTMode=off -version >/dev/null 2>&1; then
  echo "aot-jdk25.sh: $java25 is not a JDK with the ahead-of-time cache (JDK 25 or later); give one with --jdk25" >&2
  exit 1
fi
jar="$root/cli/target/portolan.jar"
[ -f "$jar" ] || { echo "aot-jdk25.sh: build first: mvn -q -B package -DskipTests" >&2; exit 1; }
# the class path bin/portolan gives: the data jar first, when the build made one
classpath="$jar"
[ -f "$root/cli/target/portolan-data.jar" ] && classpath="$root/cli/target/portolan-data.jar:$jar"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PORTOLAN_HOME="$work/home"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xmx1g -Xmn96m -XX:-UsePerfData)
echo "training the AOT cache with JDK 25..." >&2
"$java25" -XX:AOTCacheOutput="$work/portolan.aot" "${flags[@]}" -cp "$classpath" dev.portolan.cli.CdsTraining \
  "$work/training" >"$work/training.log" 2>&1 || { tail -20 "$work/training.log" >&2; exit 1; }
echo "AOT cache: $(du -k "$work/portolan.aot" | cut -f1) KiB; archive of JDK 17: $(du -k "$root/cli/target/portolan.jsa" 2>/dev/null | cut -f1) KiB" >&2

jdk25run="$java25 -XX:AOTCache=$work/portolan.aot ${flags[*]} -cp $classpath dev.portolan.cli.Main"
cd "$root"
hyperfine -N -i --style basic --warmup "$warmup" --runs "$runs" --export-csv "$work/times.csv" \
  "java -version" "$java25 -version" \
  "bin/portolan 443" "$jdk25run 443" \
  "bin/portolan explain 443" "$jdk25run explain 443" \
  "bin/portolan listening" "$jdk25run listening" \
  "bin/portolan who 22" "$jdk25run who 22" >"$work/hyperfine.txt" 2>&1 || { cat "$work/hyperfine.txt" >&2; exit 1; }
awk -F, -v j25="$java25" '
  NR == 1 { next }
  {
    name = $1
    sub(/ -XX:AOTCache=.* dev\.portolan\.cli\.Main/, " (AOT cache)", name)
    gsub(j25, "java25", name)
    printf "%-40s median %8.1f ms   cpu %8.1f ms\n", name, $4 * 1000, ($5 + $6) * 1000
  }' "$work/times.csv"
