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
# The archive must hold every class of the everyday commands, and the data jar every file they
# read: a class read from a jar instead, or a file of ICU's not in the data jar, makes the JVM open
# and index the 47 MB jar (about 10 ms of a start, bench/README.md). These command lines answer
# the same on any machine; a class of ours missing, or the large jar opened, fails the build.
log="$home/classes.log"
opened="$home/opened.log"
large="/${classpath##*[:/]}"
missing=0
# another machine's sockets as ss prints them, for listening in another language
printf '%s\n' 'Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process' \
  'tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*     users:(("sshd",pid=812,fd=3))' \
  'udp   UNCONN 0      0      127.0.0.53%lo:53   0.0.0.0:*     users:(("systemd-resolve",pid=540,fd=13))' >"$home/ss.txt"
while IFS= read -r line; do
  # shellcheck disable=SC2086 # the line is split into its words on purpose
  PORTOLAN_HOME="$home/check" LANG=C java -XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off \
    -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xmx1g -Xmn96m -XX:-UsePerfData -Xlog:class+load:file="$log" \
    -Dsun.misc.URLClassPath.debug=true -cp "$classpath" dev.portolan.cli.Main $line >/dev/null 2>"$opened" || true
  if ! grep -q 'source: shared objects file' "$log"; then
    echo "class-data-sharing archive: not mapped by this JVM, its coverage not checked"
    break
  fi
  if grep -Eq 'source: (file|jar):' "$log"; then
    echo "class-data-sharing archive: \"portolan $line\" reads classes from the jar instead:" >&2
    grep -E 'source: (file|jar):' "$log" | sed 's/.*load\] /  /; s/ source.*//' >&2
    missing=1
  elif grep -q "^Opening .*$large\$" "$opened"; then
    # the JDK's class path prints each jar it opens with where from (the property above)
    echo "class-data-sharing archive: \"portolan $line\" opens ${large#/} for a file not in the data jar:" >&2
    grep -A 60 "^Opening .*$large\$" "$opened" | grep -E '^\s+at (com\.ibm|dev\.portolan)' | head -6 >&2
    missing=1
  fi
done <<LINES
443
lookup ssh 53/udp
443 --format json
search postgres
search 443
search escritorio remoto --lang es
check 1
free 1 --dry-run
explain 443
explain 443 --lang es
explain 443 --lang pt
explain 443 --lang fr
explain 443 --lang de
explain 443 --lang ru
explain 443 --lang zh-Hans
explain 443 --lang ja
explain 443 --lang hi
explain 443 --lang bn
explain 443 --lang id
explain 443 --lang vi
explain 443 --lang ar
explain 443 --lang fa
explain 443 --lang ps
who 1 --lang fr
check 1 --lang fa
listening --from $home/ss.txt --lang ru
history 443
status
status --format json
--version
LINES
if [ "$missing" -ne 0 ]; then
  echo "class-data-sharing archive: add the command lines above to dev.portolan.cli.CdsTraining, the files to cli/src/build/icu-data.txt" >&2
  exit 1
fi
exit 0
