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
java -XX:ArchiveClassesAtExit="$jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
  -cp "$classpath" dev.portolan.cli.CdsTraining "$home" >/dev/null 2>&1 || true
if [ -s "$jsa" ]; then
  echo "class-data-sharing archive: $jsa ($(du -k "$jsa" | cut -f1) KiB)"
else
  echo "class-data-sharing archive: could not be created, skipped"
  rm -f "$jsa"
fi
exit 0
