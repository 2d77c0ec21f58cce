#!/usr/bin/env bash
# Builds the native half of dev.portolan.web.Gzip (src/main/c/portolan_gzip.c) against
# libdeflate, into the classes directory, where Gzip finds it at run time. libdeflate is linked
# in statically when its archive allows it, so the jar needs nothing installed to use it.
#
# Optional: without a C compiler or libdeflate's header (Debian: apt-get install gcc
# libdeflate-dev), or on a system other than Linux, it says so and the build goes on; Gzip then
# compresses with java.util.zip, the same format at about half the speed. A compiler error with
# everything present fails the build: that is a defect of ours.
set -u
java_home="$1"
source="$2"
classes="$3"
platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
target_dir="$classes/dev/portolan/web/native/$platform"
target="$target_dir/libportolan-gzip.so"
skip() {
  echo "native gzip: $1; the export will compress with java.util.zip (slower, same format)"
  rm -f "$target"
  exit 0
}
[ "$(uname -s)" = Linux ] || skip "built on Linux only"
cc="${CC:-cc}"
if [ -z "${CC:-}" ] && ! command -v cc >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1; then
  cc=gcc
fi
command -v "$cc" >/dev/null 2>&1 || skip "no C compiler ($cc) found"
[ -f "$java_home/include/jni.h" ] || skip "no JNI header under $java_home/include"
if ! echo '#include <libdeflate.h>' | "$cc" -E -x c - >/dev/null 2>&1; then
  skip "libdeflate's header is not installed (Debian: apt-get install libdeflate-dev)"
fi
mkdir -p "$target_dir"
flags=(-O2 -fPIC -shared -std=c11 -Wall -Wextra -Werror -I"$java_home/include" -I"$java_home/include/linux"
  -Wl,-z,noexecstack -Wl,--exclude-libs,ALL)
# libdeflate inside the library when the static archive is position independent, else linked
if "$cc" "${flags[@]}" -o "$target" "$source" -Wl,-Bstatic -ldeflate -Wl,-Bdynamic 2>/dev/null; then
  how="libdeflate linked in"
elif "$cc" "${flags[@]}" -o "$target" "$source" -ldeflate; then
  how="linked to the system's libdeflate"
else
  echo "native gzip: $source does not compile" >&2
  exit 1
fi
echo "native gzip: $target ($how)"
