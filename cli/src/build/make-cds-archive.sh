#!/usr/bin/env bash
# Creates a class-data-sharing archive for the command line's class path (portolan-data.jar, then
# portolan.jar, as bin/portolan gives it) by running typical command lines once
# (dev.portolan.cli.CdsTraining) with -XX:ArchiveClassesAtExit (JDK 13 and later). The archive is
# tied to this JDK and these jars: the launcher uses it only when present, and the JVM silently runs
# without it if any has changed.
set -u
classpath="$1"
jsa="$2"
rm -f "$jsa"
if ! java -XX:ArchiveClassesAtExit="$jsa.probe" -version >/dev/null 2>&1; then
  echo "class-data-sharing archive: not supported by this JDK, skipped"
  rm -f "$jsa.probe"
  exit 0
fi
rm -f "$jsa.probe"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# The same JVM flags as bin/portolan: an archive made under other flags may not map.
java -XX:ArchiveClassesAtExit="$jsa" -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xmx1g -Xmn96m -XX:-UsePerfData \
  -cp "$classpath" dev.portolan.cli.CdsTraining "$home" >/dev/null 2>&1 || true
if [ ! -s "$jsa" ]; then
  echo "class-data-sharing archive: could not be created, skipped"
  rm -f "$jsa"
  exit 0
fi
echo "class-data-sharing archive: $jsa ($(du -k "$jsa" | cut -f1) KiB)"
# JDK 17 maps the archived module graph only under G1 with a heap below 4 GiB (bin/portolan's flags)
if java -XX:SharedArchiveFile="$jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xmx1g -Xmn96m -XX:-UsePerfData \
    -Xlog:cds=info -cp "$classpath" dev.portolan.cli.Main 1 2>/dev/null | grep -q 'full module graph: enabled'; then
  echo "class-data-sharing archive: the JDK's module graph is mapped from it"
else
  echo "class-data-sharing archive: this JDK builds its module graph at each start (not mapped)"
fi
# The archive must hold every class of the everyday commands: one class read from a jar instead
# makes the JVM open and index the 47 MB jar (about 10 ms of a start, bench/README.md). These
# command lines answer the same on any machine; a class of ours missing fails the build.
log="$home/classes.log"
missing=0
while IFS= read -r line; do
  # shellcheck disable=SC2086 # the line is split into its words on purpose
  PORTOLAN_HOME="$home/check" LANG=C java -XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off \
    -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xmx1g -Xmn96m -XX:-UsePerfData -Xlog:class+load:file="$log" \
    -cp "$classpath" dev.portolan.cli.Main $line >/dev/null 2>&1 || true
  if ! grep -q 'source: shared objects file' "$log"; then
    echo "class-data-sharing archive: not mapped by this JVM, its coverage not checked"
    break
  fi
  if grep -Eq 'source: (file|jar):' "$log"; then
    echo "class-data-sharing archive: \"portolan $line\" reads classes from the jar instead:" >&2
    grep -E 'source: (file|jar):' "$log" | sed 's/.*load\] /  /; s/ source.*//' >&2
    missing=1
  fi
done <<'LINES'
443
lookup ssh 53/udp
443 --format json
search postgres
search 443
check 1
free 1 --dry-run
explain 443
explain 443 --lang de
history 443
--version
LINES
if [ "$missing" -ne 0 ]; then
  echo "class-data-sharing archive: add the command lines above to dev.portolan.cli.CdsTraining" >&2
  exit 1
fi
exit 0
