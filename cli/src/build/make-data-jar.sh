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
# ICU's data for the program's languages (icu-data.txt says which and why): a file named for a
# language is copied where ICU has one, every other file must be there
required=()
optional=()
while IFS= read -r line; do
  case "$line" in
    ''|'#'*) continue ;;
    *'{lang}'*)
      while IFS= read -r lang; do
        case "$lang" in ''|'#'*) continue ;; esac
        icu="${lang//-/_}"
        optional+=("${line//\{lang\}/$icu}")
        if [ "${icu%_*}" != "$icu" ]; then optional+=("${line//\{lang\}/${icu%_*}}"); fi
      done <"$work/data/knowledge/languages.txt" ;;
    *) required+=("$line") ;;
  esac
done <"$(dirname "$0")/icu-data.txt"
(cd "$work/data" && jar --extract --file "$fat" com/ibm/icu/ICUConfig.properties "${required[@]}" "${optional[@]}")
for name in com/ibm/icu/ICUConfig.properties "${required[@]}"; do
  [ -f "$work/data/$name" ] || { echo "data jar: ICU has no $name (icu-data.txt)" >&2; exit 1; }
done
# ICU lists the locales it has data for (to choose where a format's data comes from) by listing
# the class path's directories, which would open the 47 MB jar. It takes the list from a file
# fullLocaleNames.lst instead when told not to scan, as ICU's own build once wrote it: the names of
# the directory's locale files. Written here for each directory of ICU's copied above, from the
# names in portolan.jar.
entries="$(jar --list --file "$fat")"
for dir in $(cd "$work/data" && find com/ibm/icu/impl/data -type d); do
  printf '%s\n' "$entries" | sed -n "s|^$dir/\([^/]*\)\.res\$|\1|p" \
    | grep -E '^([a-z]{2,3}(_.*)?|root)$' | grep -vx res_index | sort >"$work/data/$dir/fullLocaleNames.lst" || true
  [ -s "$work/data/$dir/fullLocaleNames.lst" ] || rm "$work/data/$dir/fullLocaleNames.lst"
done
config="$work/data/com/ibm/icu/ICUConfig.properties"
sed -i 's/^\(com\.ibm\.icu\.impl\.ICUResourceBundle\.skipRuntimeLocaleResourceScan\) = false$/\1 = true/' "$config"
grep -q '^com\.ibm\.icu\.impl\.ICUResourceBundle\.skipRuntimeLocaleResourceScan = true$' "$config" || {
  echo "data jar: ICU's configuration no longer has skipRuntimeLocaleResourceScan = false" >&2
  exit 1
}
rm -f "$out"
jar --create --no-compress --file "$out" -C "$work/data" .
echo "data jar: $out ($(find "$work/data" -type f | wc -l) files, $(du -k "$out" | cut -f1) KiB, stored)"
