#!/usr/bin/env bash
# Writes portolan-data.jar: the data files the command line reads at every start (the embedded
# registry and its history, the compiled knowledge and search indexes, the compiled message
# bundles, the list of languages), copied from portolan.jar and stored without compression.
#
# bin/portolan puts it before portolan.jar on the class path, so a command finds its data there:
# the JVM then never opens the 47 MB jar (its 15,000 entries cost a start some milliseconds to
# index) nor inflates the data (bench/README.md). portolan.jar keeps its own copy and runs alone.
set -euo pipefail
fat="$1"
out="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
(cd "$work/data" && jar --extract --file "$fat" knowledge/ cli/ dev/portolan/core/baseline/)
# only what is read at run time: no classes, no sources of the compiled files
find "$work/data" -type f ! \( -name '*.bin' -o -name '*.bundle' -o -name '*.snapshot' -o -name '*.changelog' \
  -o -name 'languages.txt' -o -name 'locales.txt' \) -delete
find "$work/data" -type d -empty -delete
# the few files of ICU's data the commands read (icu-data.txt says which and why)
icu=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  icu+=("$line")
done <"$(dirname "$0")/icu-data.txt"
(cd "$work/data" && jar --extract --file "$fat" "${icu[@]}")
for name in "${icu[@]}"; do
  [ -f "$work/data/$name" ] || { echo "data jar: ICU has no $name (icu-data.txt)" >&2; exit 1; }
done
rm -f "$out"
jar --create --no-compress --file "$out" -C "$work/data" .
echo "data jar: $out ($(find "$work/data" -type f | wc -l) files, $(du -k "$out" | cut -f1) KiB, stored)"
