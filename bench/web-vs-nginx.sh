#!/usr/bin/env bash
# Load test: `portolan serve` answering random port pages against nginx serving one rendered port
# page as a static file, under the same wrk load, once with gzip accepted (as browsers ask) and once
# without (as curl and many bots ask). Prints requests per second, the 99th percentile latency,
# Portolan's resident memory after it has served every English port page (the walk that fills its
# cache) and after the runs, nginx's, and the ratios.
#
# Needs: wrk, nginx and curl (Debian: apt-get install wrk nginx curl), a built program (bin/portolan
# builds it).
# Settings (environment): THREADS (2), CONNECTIONS (64), DURATION (20s), PORT (18080),
# NGINX_PORT (18081), CACHE_MB (empty: serve's default), ACCESS_LOG (empty: none; a file, or - for
# standard output, passed to serve --access-log), WARM_LIMIT (300 seconds), NGINX_EXPORT (0; 1 also
# has nginx serve every English port page from the files of `portolan export`, about 3.5 GB in a
# temporary directory, under the same random loads).
# Both servers listen on loopback only; the run uses a temporary PORTOLAN_HOME (embedded data).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
duration="${DURATION:-20s}"
port="${PORT:-18080}"
nginx_port="${NGINX_PORT:-18081}"
cache_mb="${CACHE_MB:-}"
access_log="${ACCESS_LOG:-}"
nginx_export="${NGINX_EXPORT:-0}"
warm_limit="${WARM_LIMIT:-300}"
random_script="$root/bench/wrk/random-ports.lua"
walk_script="$root/bench/wrk/all-ports.lua"

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "web-vs-nginx: needs $tool (Debian: apt-get install wrk nginx curl)" >&2; exit 1; }
done

for p in "$port" "$nginx_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then
    echo "web-vs-nginx: something already listens on port $p; set PORT or NGINX_PORT" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
portolan_pid=""
nginx_pid=""
cleanup() {
  [ -n "$portolan_pid" ] && kill "$portolan_pid" 2>/dev/null && wait "$portolan_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rss_kib() { # the VmRSS of the given processes, summed, in KiB
  local total=0 kib
  for p in "$@"; do
    kib="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)"
    total=$((total + kib))
  done
  echo "$total"
}

wait_for() { # URL
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "web-vs-nginx: nothing answers at $1" >&2
  exit 1
}

measure() { # name URL gzip|plain -> prints "requests/s p99" after a 10 s warm-up; keeps wrk's report
  wrk -t"$threads" -c"$connections" -d10s -s "$random_script" "$2" -- "$3" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$random_script" "$2" -- "$3" >"$work/$1.txt"
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/$1.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/$1.txt")"
  echo "$rps $p99"
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
serve_opts=(--port "$port")
[ -n "$cache_mb" ] && serve_opts+=(--cache-mb "$cache_mb")
[ -n "$access_log" ] && serve_opts+=(--access-log "$access_log")
echo "== portolan serve ${serve_opts[*]}"
mkdir -p "$work/home"
PORTOLAN_HOME="$work/home" "$root/bin/portolan" serve "${serve_opts[@]}" >"$work/portolan.log" 2>&1 &
portolan_pid=$!
wait_for "http://127.0.0.1:$port/healthz"

# Fill the page cache: walk all 65,536 port pages until every one is cached.
start=$SECONDS
while :; do
  wrk -t"$threads" -c8 -d30s -s "$walk_script" "http://127.0.0.1:$port" -- "$threads" >/dev/null
  pages="$(curl -fs "http://127.0.0.1:$port/healthz" | sed -n 's/.*"pages":\([0-9]*\).*/\1/p')"
  echo "   warm-up: $pages pages cached after $((SECONDS - start)) s"
  [ "${pages:-0}" -ge 65536 ] && break
  if [ $((SECONDS - start)) -ge "$warm_limit" ]; then
    echo "   warm-up: stopped at the limit of $warm_limit s; some requests will render pages" >&2
    break
  fi
done
walk_rss="$(rss_kib "$portolan_pid")"
echo "   resident after the walk: $((walk_rss / 1024)) MiB"
# Every page once more, without gzip, as a client that does not accept it would read them.
start=$SECONDS
curl -s --parallel --parallel-max 8 -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/ports/[0-65535]" \
  >"$work/plain-walk.txt" 2>/dev/null
echo "   every page without gzip: $(grep -c '^200$' "$work/plain-walk.txt") answers in $((SECONDS - start)) s"
read -r pg_rps pg_p99 <<<"$(measure portolan-gzip "http://127.0.0.1:$port" gzip)"
read -r pp_rps pp_p99 <<<"$(measure portolan-plain "http://127.0.0.1:$port" plain)"
p_rss="$(rss_kib "$portolan_pid")"
mkdir -p "$work/www" "$work/nginx"
curl -fs -o "$work/www/port.html" "http://127.0.0.1:$port/ports/443"
kill "$portolan_pid"
wait "$portolan_pid" 2>/dev/null || true
portolan_pid=""

echo "== nginx (port $nginx_port, one page as a static file)"
gzip -9 -k "$work/www/port.html"
# nginx's workers run as an unprivileged user: let them read the page
chmod 755 "$work" "$work/www"
chmod 644 "$work/www/port.html" "$work/www/port.html.gz"
nginx_conf() { # ROOT LOCATION-BODY: writes the configuration of nginx serving ROOT
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $1;
    location / { $2 }
  }
}
CONF
}
nginx_conf "$work/www" "try_files /port.html =404;"
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/ports/1"
read -r ng_rps ng_p99 <<<"$(measure nginx-gzip "http://127.0.0.1:$nginx_port" gzip)"
read -r np_rps np_p99 <<<"$(measure nginx-plain "http://127.0.0.1:$nginx_port" plain)"
n_rss="$(rss_kib "$nginx_pid" $(pgrep -P "$nginx_pid" || true))"

if [ "$nginx_export" = 1 ]; then
  echo "== nginx (port $nginx_port, every English port page as a file of portolan export)"
  kill "$nginx_pid"
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
  start=$SECONDS
  PORTOLAN_HOME="$work/home" "$root/bin/portolan" export --out "$work/export" --lang en --quiet
  echo "   export: $((SECONDS - start)) s"
  chmod -R a+rX "$work/export"
  nginx_conf "$work/export" 'try_files $uri.html =404;'
  nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  wait_for "http://127.0.0.1:$nginx_port/ports/1"
  read -r eg_rps eg_p99 <<<"$(measure nginx-export-gzip "http://127.0.0.1:$nginx_port" gzip)"
  read -r ep_rps ep_p99 <<<"$(measure nginx-export-plain "http://127.0.0.1:$nginx_port" plain)"
fi

echo
printf '%-34s %12s %10s\n' "server, Accept-Encoding" "requests/s" "p99"
printf '%-34s %12s %10s\n' "portolan serve (random), gzip" "$pg_rps" "$pg_p99"
printf '%-34s %12s %10s\n' "nginx (one static page), gzip" "$ng_rps" "$ng_p99"
printf '%-34s %12s %10s\n' "portolan serve (random), none" "$pp_rps" "$pp_p99"
printf '%-34s %12s %10s\n' "nginx (one static page), none" "$np_rps" "$np_p99"
if [ "$nginx_export" = 1 ]; then
  printf '%-34s %12s %10s\n' "nginx (every page, random), gzip" "$eg_rps" "$eg_p99"
  printf '%-34s %12s %10s\n' "nginx (every page, random), none" "$ep_rps" "$ep_p99"
fi
awk -v p="$pg_rps" -v n="$ng_rps" 'BEGIN { printf "ratio portolan/nginx, gzip: %.2f\n", p / n }'
awk -v p="$pp_rps" -v n="$np_rps" 'BEGIN { printf "ratio portolan/nginx, none: %.2f\n", p / n }'
if [ "$nginx_export" = 1 ]; then
  awk -v p="$pg_rps" -v n="$eg_rps" 'BEGIN { printf "ratio portolan/nginx (every page), gzip: %.2f\n", p / n }'
  awk -v p="$pp_rps" -v n="$ep_rps" 'BEGIN { printf "ratio portolan/nginx (every page), none: %.2f\n", p / n }'
fi
echo "resident memory: portolan $((walk_rss / 1024)) MiB after the walk of every English port page," \
  "$((p_rss / 1024)) MiB after the runs; nginx $((n_rss / 1024)) MiB"
echo "wrk -t$threads -c$connections -d$duration after 10 s of warm-up each; $(nproc) CPUs shared by wrk and the" \
  "servers; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
