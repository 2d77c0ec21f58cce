#!/usr/bin/env bash
# Static export against Hugo: how many pages per second does `portolan export` write, compared with
# Hugo building a site of the same number of pages of about the same size, on the same machine,
# into a RAM disk? See bench/README.md ("Static export against Hugo") for the fairness choices.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/export-vs-hugo.sh [options]

Generates a Hugo site of N pages shaped like Portolan's port pages (once, not timed), then times
`hugo` building it into a fresh, empty directory, RUNS times; with --portolan-cmd, times Portolan's
export the same way. Prints per run the HTML pages written, wall-clock seconds, pages per second,
CPU seconds, peak resident memory and output bytes, then the medians (and Portolan / Hugo).

Options:
  --pages N            content pages to generate for Hugo (default 65536, one per port)
  --runs N             timed runs of each generator (default 3)
  --out-root DIR       where the Hugo site and every output go (default: a new directory under
                       /dev/shm, a RAM disk, removed at the end). Must be empty or absent.
  --portolan-cmd CMD   the command line that runs Portolan's export; {dir} is replaced by the
                       output directory, e.g.
                         'bin/portolan export --out {dir} --lang en --quiet'
                       run with bash from the current directory. Without it, only Hugo is timed.
  --page-bytes N       the HTML size each Hugo port page should have, on average (default 22100,
                       the mean of Portolan's 65,536 English port pages)
  --ugly-urls          Hugo writes ports/443.html instead of ports/443/index.html
  --hugo-gzip          also time Hugo followed by gzip -k -6 of every text file it wrote, one
                       gzip per core: the precompressed .gz files Portolan writes too
  --hugo-env NAME=VALUE
                       run Hugo with this environment variable (repeatable), e.g. GOGC=50 or
                       GOMEMLIMIT=12GiB for Go's collector; printed with the results
  --min-available-mib N
                       stop a run when the memory available to the machine falls below N MiB
                       (default 1024). Hugo holds every page in memory: past 17 GiB for 65,536
                       pages with Go's default collector; on a 24 GiB machine, add
                       --hugo-env GOMEMLIMIT=16GiB
  --keep               keep the generated site and the last outputs
  -h, --help           this text

Needs: hugo (Debian: apt-get install hugo), GNU time as /usr/bin/time (apt-get install time),
awk, find. The machine's load average is printed before every run: read the figures with it.
EOF
}

pages=65536
runs=3
out_root=""
portolan_cmd=""
page_bytes=22100
ugly_urls=false
hugo_gzip=false
min_available=1024
keep=false
running=""
hugo_env=()

die() { echo "export-vs-hugo: $*" >&2; exit 1; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number, not '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --pages) [ $# -ge 2 ] || die "--pages needs a number"; positive --pages "$2"; pages="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; positive --runs "$2"; runs="$2"; shift 2 ;;
    --out-root) [ $# -ge 2 ] || die "--out-root needs a directory"; out_root="$2"; shift 2 ;;
    --portolan-cmd) [ $# -ge 2 ] || die "--portolan-cmd needs a command line"; portolan_cmd="$2"; shift 2 ;;
    --page-bytes) [ $# -ge 2 ] || die "--page-bytes needs a number"; positive --page-bytes "$2"; page_bytes="$2"; shift 2 ;;
    --ugly-urls) ugly_urls=true; shift ;;
    --hugo-gzip) hugo_gzip=true; shift ;;
    --hugo-env)
      if [ $# -lt 2 ] || ! [[ "$2" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then die "--hugo-env needs NAME=VALUE, e.g. GOGC=50"; fi
      hugo_env+=("$2"); shift 2 ;;
    --min-available-mib) [ $# -ge 2 ] || die "--min-available-mib needs a number"; positive --min-available-mib "$2"; min_available="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done

if [ -n "$portolan_cmd" ] && [[ "$portolan_cmd" != *"{dir}"* ]]; then
  die "--portolan-cmd must contain {dir}, the output directory; got '$portolan_cmd'"
fi
command -v hugo >/dev/null || die "needs hugo (Debian: apt-get install hugo)"
if ! { [ -x /usr/bin/time ] && /usr/bin/time -v true 2>/dev/null; }; then
  die "needs GNU time as /usr/bin/time (Debian: apt-get install time)"
fi
command -v awk >/dev/null || die "needs awk"

# The work directory: ours to create and remove, or the caller's, which must be empty.
created_root=false
if [ -z "$out_root" ]; then
  if ! [ -d /dev/shm ] || ! [ -w /dev/shm ]; then die "no writable /dev/shm; give --out-root on a RAM disk"; fi
  out_root="$(mktemp -d /dev/shm/export-vs-hugo.XXXXXX)"
  created_root=true
elif [ -e "$out_root" ]; then
  [ -d "$out_root" ] || die "--out-root '$out_root' is not a directory"
  [ -z "$(ls -A "$out_root")" ] || die "--out-root '$out_root' is not empty"
else
  mkdir -p "$out_root"
  created_root=true
fi
out_root="$(cd "$out_root" && pwd)"
site="$out_root/site"
work="$out_root/work"
mkdir -p "$site" "$work"

cleanup() {
  if [ -n "$running" ]; then
    kill -TERM -- "-$running" 2>/dev/null || true
    wait "$running" 2>/dev/null || true
  fi
  if [ "$keep" = true ]; then
    echo "kept: $out_root"
  elif [ "$created_root" = true ]; then
    rm -rf "$out_root"
  else
    rm -rf "$site" "$work" "$out_root/hugo-out" "$out_root/portolan-out"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ----------------------------------------------------------------------------------------------
# The Hugo site: configuration and layouts shaped like Portolan's pages
# ----------------------------------------------------------------------------------------------

write_site_files() { # DIR: configuration and layouts (content comes from generate_content)
  local dir="$1"
  mkdir -p "$dir/content/ports" "$dir/layouts/_default" "$dir/static/assets"
  cat >"$dir/hugo.toml" <<EOF
baseURL = "https://ports.example.org/"
languageCode = "en"
title = "Harbour"
# Portolan writes no taxonomy pages and no feeds; Hugo would add empty taxonomy lists and an RSS
# file of every page with its summary. The sitemap, the home page, the section lists (paginated
# like Portolan's port index, 256 a page) and the 404 page stay, as on a normal site.
disableKinds = ["taxonomy", "term", "RSS"]
paginate = 256
uglyURLs = $ugly_urls
enableRobotsTXT = false

[params]
description = "Every network port, explained, with sources."
langs = [
  { code = "en", tag = "en", name = "English", dir = "ltr" },
  { code = "es", tag = "es", name = "Español", dir = "ltr" },
  { code = "pt", tag = "pt", name = "Português", dir = "ltr" },
  { code = "fr", tag = "fr", name = "Français", dir = "ltr" },
  { code = "de", tag = "de", name = "Deutsch", dir = "ltr" },
  { code = "ru", tag = "ru", name = "Русский", dir = "ltr" },
  { code = "zh", tag = "zh-Hans", name = "中文", dir = "ltr" },
  { code = "ja", tag = "ja", name = "日本語", dir = "ltr" },
  { code = "hi", tag = "hi", name = "हिन्दी", dir = "ltr" },
  { code = "bn", tag = "bn", name = "বাংলা", dir = "ltr" },
  { code = "id", tag = "id", name = "Indonesia", dir = "ltr" },
  { code = "vi", tag = "vi", name = "Tiếng Việt", dir = "ltr" },
  { code = "ar", tag = "ar", name = "العربية", dir = "rtl" },
  { code = "fa", tag = "fa", name = "فارسی", dir = "rtl" },
  { code = "ps", tag = "ps", name = "پښتو", dir = "rtl" },
]
EOF

  cat >"$dir/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- $path := .RelPermalink }}
{{- range site.Params.langs }}
<link rel="alternate" hreflang="{{ .tag }}" href="{{ if eq .code "en" }}{{ $path | absURL }}{{ else }}{{ printf "/%s%s" .code $path | absURL }}{{ end }}">
{{- end }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<script src="/assets/site.js" defer></script>
{{- block "schema" . }}{{ end }}
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site">
<div class="bar">
<a class="brand" href="/"><img src="/assets/icon.svg" alt="" width="28" height="28"><span>{{ site.Title }}</span></a>
<nav class="site-nav" aria-label="Site">
<ul>
<li><a href="/ports/"{{ if eq .Section "ports" }} aria-current="page"{{ end }}>Ports</a></li>
<li><a href="/search/">Search</a></li>
<li><a href="/api/v1/openapi.json">API</a></li>
</ul>
</nav>
<form class="quick-search" role="search" action="/search/" method="get">
<label for="q-top" class="visually-hidden">Port number, service name or words</label>
<input id="q-top" name="q" type="search" maxlength="200" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</form>
<details class="languages">
<summary><span class="visually-hidden">Language: </span>English</summary>
<ul>
{{- range site.Params.langs }}
<li><a href="{{ if eq .code "en" }}{{ $path }}{{ else }}{{ printf "/%s%s" .code $path }}{{ end }}" hreflang="{{ .tag }}" lang="{{ .tag }}" dir="{{ .dir }}"{{ if eq .code "en" }} aria-current="true"{{ end }}>{{ .name }}</a></li>
{{- end }}
</ul>
</details>
</div>
</header>
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site">
<nav aria-label="About this site">
<ul>
<li><a href="/ports/">Ports</a></li>
<li><a href="/api/v1/openapi.json">OpenAPI description</a></li>
<li><a href="/sitemap.xml">Sitemap</a></li>
</ul>
</nav>
<p>{{ site.Params.description }}</p>
</footer>
</body>
</html>
EOF

  cat >"$dir/layouts/_default/single.html" <<'EOF'
{{ define "schema" }}
{{- $crumbs := slice
  (dict "@type" "ListItem" "position" 1 "name" "Ports" "item" ("/ports/" | absURL))
  (dict "@type" "ListItem" "position" 2 "name" .Params.rangename "item" (printf "/ranges/%s/" .Params.range | absURL))
  (dict "@type" "ListItem" "position" 3 "name" (printf "Port %d" .Params.port) "item" .Permalink) }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "BreadcrumbList" "itemListElement" $crumbs }}</script>
{{- $faq := slice }}
{{- range .Params.faq }}{{ $faq = $faq | append (dict "@type" "Question" "name" .q "acceptedAnswer" (dict "@type" "Answer" "text" .a)) }}{{ end }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "FAQPage" "mainEntity" $faq }}</script>
{{- end }}
{{ define "main" }}
<nav class="crumbs" aria-label="Breadcrumbs">
<ol>
<li><a href="/ports/">Ports</a></li>
<li><a href="/ranges/{{ .Params.range }}/">{{ .Params.rangename }}</a></li>
<li><a href="{{ .RelPermalink }}" aria-current="page">Port {{ .Params.port }}</a></li>
</ol>
</nav>

<article class="port">
<header class="title">
<h1>{{ .Title }}</h1>
<p class="subtitle">{{ .Params.subtitle }}</p>
</header>
{{ .Content }}
<section id="feedback" class="feedback" aria-labelledby="feedback-h">
<h2 id="feedback-h">Was this page helpful?</h2>
<form method="post" action="/ports/{{ .Params.port }}/feedback" aria-labelledby="feedback-h" data-port="{{ .Params.port }}" data-lang="en">
<input type="hidden" name="lang" value="en">
<button type="submit" name="reaction" value="unhelpful"><span class="emoji" aria-hidden="true">😔</span> Not helpful</button>
<button type="submit" name="reaction" value="neutral"><span class="emoji" aria-hidden="true">🤨</span> So-so</button>
<button type="submit" name="reaction" value="helpful"><span class="emoji" aria-hidden="true">😃</span> Helpful</button>
</form>
<p id="thanks" class="thanks" role="status" tabindex="-1">Thank you: your reaction was recorded.</p>
<p class="fine">No account, no cookies: only the reaction and the page are stored.</p>
</section>
<nav class="nearby" aria-label="Neighbouring ports">
<ul>
{{- with .Params.port }}
{{- if gt . 0 }}
<li><a href="/ports/{{ sub . 1 }}/">Previous: port {{ sub . 1 }}</a></li>
{{- end }}
{{- if lt . 65535 }}
<li><a href="/ports/{{ add . 1 }}/">Next: port {{ add . 1 }}</a></li>
{{- end }}
{{- end }}
</ul>
</nav>
<p class="data">Registry data: generated for this benchmark.</p>
</article>
{{ end }}
EOF

  cat >"$dir/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<nav class="crumbs" aria-label="Breadcrumbs">
<ol>
<li><a href="/ports/" aria-current="page">Ports</a></li>
</ol>
</nav>
<h1>All ports</h1>
<p class="lead">Every network port from 0 to 65535, with the services the registry lists for it.</p>
{{- $pager := .Paginate .Pages.ByWeight }}
<section aria-labelledby="list-h">
<h2 id="list-h">Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}</h2>
<nav class="pager" aria-label="Pages">
<ul>
{{- with $pager.Prev }}<li><a href="{{ .URL }}" rel="prev">Previous page</a></li>{{ end }}
{{- with $pager.Next }}<li><a href="{{ .URL }}" rel="next">Next page</a></li>{{ end }}
</ul>
</nav>
<div class="table-wrap" role="region" aria-label="Ports" tabindex="0">
<table class="ports">
<thead>
<tr><th scope="col">Port</th><th scope="col">Services</th></tr>
</thead>
<tbody>
{{- range $pager.Pages }}
<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Params.port }}</a></th><td>{{ .Params.service }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
</section>
{{ end }}
EOF

  cat >"$dir/layouts/index.html" <<'EOF'
{{ define "main" }}
<h1>Every network port, explained</h1>
<p class="lead">Look up any of the ports: what the registry says, what runs there in practice, how to check it on your machine, and the sources for every statement.</p>
<section aria-labelledby="known-h">
<h2 id="known-h">Often looked up</h2>
<ul>
{{- range first 40 (where site.RegularPages "Section" "ports") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
</section>
{{ end }}
EOF

  cat >"$dir/layouts/404.html" <<'EOF'
{{ define "main" }}
<h1>Page not found</h1>
<p>There is no page at this address. <a href="/ports/">All ports</a>.</p>
{{ end }}
EOF

  printf '%s\n' '---' 'title: "All ports"' '---' >"$dir/content/ports/_index.md"
}

# Markdown port pages from one awk process: front matter, then sections like Portolan's (overview
# with a list, range, a table of registry records, history, uses, security, seven commands in code
# blocks, FAQ, related ports) and 20 sources as footnotes, cited 26 times. FILLER adds history
# sentences of about 440 bytes of HTML each (one citation apiece), to reach the wanted page size.
generate_content() { # DIR COUNT FILLER [STEP: page numbers 0, STEP, 2 STEP...; default 1]
  awk -v dir="$1/content/ports" -v count="$2" -v filler="$3" -v step="${4:-1}" '
  function ref(i) { return "[^" i "]" }
  BEGIN {
    split("alpha-link beacon-rpc cobalt-sync delta-mq ember-cache fjord-db granite-api harbor-vpn iris-stream juno-auth kestrel-log lumen-mon", names, " ")
    split("TCP|UDP|TCP, UDP|TCP, UDP, and SCTP|TCP and DCCP", transports, "|")
    n_src = split("Service Name and Transport Protocol Port Number Registry|IANA|https://www.iana.org/assignments/service-names-port-numbers/|" \
      "RFC 6335, section 6: Port Number Ranges|IETF|https://www.rfc-editor.org/rfc/rfc6335#section-6|" \
      "RFC 6335, section 8.1.2: Variances for Specific Port Number Ranges|IETF|https://www.rfc-editor.org/rfc/rfc6335#section-8.1.2|" \
      "RFC 1700: Assigned Numbers, Well Known Port Numbers|IETF|https://www.rfc-editor.org/rfc/rfc1700|" \
      "FreeBSD ip(4): reserved port range sysctls|FreeBSD Project|https://man.freebsd.org/cgi/man.cgi?query=ip&sektion=4|" \
      "Linux ip(7): privileged ports below 1024|Linux man-pages project|https://man7.org/linux/man-pages/man7/ip.7.html|" \
      "Linux capabilities(7): CAP_NET_BIND_SERVICE|Linux man-pages project|https://man7.org/linux/man-pages/man7/capabilities.7.html|" \
      "Linux kernel documentation, IP sysctl: ip_local_port_range|The Linux Kernel documentation|https://docs.kernel.org/networking/ip-sysctl.html|" \
      "XNU source, bsd/netinet/in_pcb.c: binding reserved ports|Apple Open Source|https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/in_pcb.c|" \
      "FreeBSD mac_portacl(4): network port access control policy|FreeBSD Project|https://man.freebsd.org/cgi/man.cgi?query=mac_portacl&sektion=4|" \
      "The default dynamic port range for TCP/IP has changed since Windows Vista|Microsoft|https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/default-dynamic-port-range-tcpip-chang|" \
      "FreeBSD source, sys/netinet/in.h: the default ephemeral port range|FreeBSD Project|https://github.com/freebsd/freebsd-src/blob/main/sys/netinet/in.h|" \
      "RFC 739: Assigned numbers (November 1977)|IETF|https://www.rfc-editor.org/rfc/rfc739|" \
      "RFC 3232: Assigned Numbers: RFC 1700 is Replaced by an On-line Database|IETF|https://www.rfc-editor.org/rfc/rfc3232|" \
      "RFC 6335: Procedures for the Management of the Port Number Registry|IETF|https://www.rfc-editor.org/rfc/rfc6335|" \
      "Fetch Standard, Port blocking|WHATWG|https://fetch.spec.whatwg.org/#port-blocking|" \
      "ss(8): the sport filter that matches one local port exactly|Linux man-pages (iproute2)|https://man7.org/linux/man-pages/man8/ss.8.html|" \
      "lsof(8): selection by protocol and port, -sTCP:LISTEN|lsof project|https://github.com/lsof-org/lsof/blob/master/Lsof.8|" \
      "Get-NetTCPConnection: listeners filtered by -LocalPort and -State|Microsoft|https://learn.microsoft.com/powershell/module/nettcpip/get-nettcpconnection|" \
      "RFC 9110, section 4.2: HTTP-Related URI Schemes|IETF|https://www.rfc-editor.org/rfc/rfc9110#section-4.2", src, "|") / 3
    for (i = 0; i < count; i++) {
      n = i * step
      port = n % 65536
      svc = names[n % 12 + 1] (n >= 12 ? "-" int(n / 12) : "")
      tr = transports[n % 5 + 1]
      if (port < 1024) { range = "system"; rangename = "System ports"; bounds = "0–1023" }
      else if (port < 49152) { range = "user"; rangename = "User ports"; bounds = "1024–49151" }
      else { range = "dynamic"; rangename = "Dynamic ports"; bounds = "49152–65535" }
      other = (port + 363) % 65536
      f = dir "/" n ".md"

      printf "---\n" > f
      printf "title: \"Port %d: %s\"\n", port, svc > f
      printf "description: \"Port %d (%s): registered to %s on %s. What it is, its range, history and security, and how to check what listens on it, with sources.\"\n", port, svc, svc, tr > f
      printf "port: %d\nservice: \"%s\"\nweight: %d\nrange: \"%s\"\nrangename: \"%s\"\n", port, svc, n + 1, range, rangename > f
      printf "subtitle: \"Registered to %s on %s\"\n", svc, tr > f
      printf "faq:\n" > f
      printf "  - q: \"What is port %d used for?\"\n    a: \"IANA assigns it to %s on %s.\"\n", port, svc, tr > f
      printf "  - q: \"Can I run my own service on port %d?\"\n    a: \"You can, but IANA assigns port %d to %s: clients, firewalls and scanners will expect that service there, and the two will collide on a machine that runs both.\"\n", port, port, svc > f
      printf "  - q: \"Do I need root to listen on port %d?\"\n    a: \"%s\"\n", port, (port < 1024 ? "On Unix, Linux, and FreeBSD, yes, or an equivalent privilege. On macOS, only to listen on a specific address." : "No: ports from 1024 up need no privilege on the systems Portolan knows.") > f
      printf "  - q: \"Is port %d an ephemeral port?\"\n    a: \"%s\"\n", port, (port >= 49152 ? "Yes: it lies in the dynamic range that IANA never assigns." : "It is outside the dynamic range of IANA, and in none of the default ephemeral ranges it knows.") > f
      printf "  - q: \"Will a browser connect to port %d?\"\n    a: \"Yes: port %d is not among the bad ports of the Fetch standard.\"\n", port, port > f
      printf "  - q: \"How do I see what is listening on port %d?\"\n    a: \"On Linux, run ss -ltnp with sport = :%d; on macOS, lsof -nP -iTCP:%d -sTCP:LISTEN; on Windows, Get-NetTCPConnection -LocalPort %d -State Listen.\"\n", port, port, port, port > f
      printf "---\n\n" > f

      printf "## What is port %d?\n\n", port > f
      printf "On %s, the IANA registry assigns port %d to the service %s.%s On DCCP, port %d is unassigned: no service is registered for it.\n\n", tr, port, svc, ref(1), port > f
      printf "- The registry describes %s as “%s protocol, number %d”.%s\n", svc, svc, port, ref(1) > f
      printf "- The registry describes %s as “%s”.\n\n", svc, toupper(svc) > f

      printf "## Its range and what that means\n\n" > f
      printf "Port %d is a %s port: it lies in the range %s.%s IANA assigns ports of this range through IETF Review and IESG Approval.%s\n\n", port, range, bounds, ref(2), ref(3) > f
      printf "On Unix, only a privileged process (root) may listen on a port below 1024.%s%s On Linux, only a privileged process (CAP_NET_BIND_SERVICE) may listen on a port below 1024.%s%s Since version 4.11, Linux lets net.ipv4.ip_unprivileged_port_start move that boundary.%s On macOS, any user may listen on a port below 1024 on the wildcard address (0.0.0.0 or ::); listening on a specific address needs root.%s On FreeBSD, only a privileged process (root) may listen on a port below 1024. On FreeBSD, mac_portacl (since 5.1) can grant single low ports to chosen users or groups.%s On FreeBSD, net.inet.ip.portrange.reservedlow and reservedhigh move that boundary.%s\n\n", ref(4), ref(5), ref(6), ref(7), ref(8), ref(9), ref(10), ref(5) > f
      printf "%s the default ephemeral ranges of Linux 4.2 and later (32768–60999), Windows Vista, Server 2008 and later (49152–65535), Windows XP, Server 2003 and earlier (1025–5000), macOS (49152–65535), and FreeBSD (10000–65535).%s%s%s\n\n", (port >= 49152 ? "It lies inside some of" : "It lies outside"), ref(8), ref(11), ref(12) > f

      printf "## Registry records\n\n" > f
      printf "The IANA registry has 2 records for port %d:\n\n", port > f
      printf "| Service | Transport | Status | Description | Assignee | Registered | Modified | References |\n" > f
      printf "| --- | --- | --- | --- | --- | --- | --- | --- |\n" > f
      printf "| %s | %s | assigned | %s protocol, number %d | — | %d-%02d-%02d | — | RFC %d |\n", svc, tr, svc, port, 1990 + n % 30, n % 12 + 1, n % 28 + 1, 1000 + n % 8000 > f
      printf "| %s | SCTP | assigned | %s | — | — | — | |\n\n", svc, toupper(svc) > f

      printf "## History\n\n" > f
      printf "In November 1977, RFC 739 was the first document titled “Assigned Numbers”, the series of RFCs that listed the well-known ports.%s RFC 1700, of October 1994, was the last printed Assigned Numbers; it noted that well-known ports, once 0–255, had been extended to 0–1023.%s In January 2002, RFC 3232 retired the printed lists: since then, the online registry of IANA is the authoritative list of port assignments.%s In August 2011, RFC 6335 gave TCP, UDP, SCTP and DCCP one set of registration rules and named the system, user and dynamic ranges.%s", ref(13), ref(4), ref(14), ref(15) > f
      for (k = 0; k < filler; k++)
        printf " Record %d of port %d was reviewed in %d under the rules of RFC 6335, and its description and contact were confirmed against the registry file of that year by the expert reviewers.%s", k + 1, port, 2012 + k % 12, ref(15) > f
      printf "\n\n" > f

      printf "## Other known uses\n\n" > f
      printf "No unofficial use of port %d is known: it appears in none of the default ports, documented by their own projects, of the 124 programs in the curated list. The embedded registry data does not carry the reports of unauthorized use of IANA; import the full registry to see them.\n\n", port > f

      printf "## Security\n\n" > f
      printf "No malicious use of port %d is known: none of the 9 documented malware cases in the list used it. The embedded registry data does not carry the reports of unauthorized use.\n\n", port > f
      printf "Browsers will connect to port %d when a page asks them to: it is not among the bad ports of the Fetch standard, so a web page can reach a service listening here.%s\n\n", port, ref(16) > f
      printf "Open port %d only if you run %s on purpose, and only on the interfaces that need it; a service that only local programs use should listen on the loopback address.\n\n", port, svc > f

      printf "## How to check what listens on port %d\n\n", port > f
      printf "These commands match port %d exactly. A text search such as grep for “:%d” would also match ports such as %d0 and %d00.%s\n\n", port, port, port, port, ref(17) > f
      printf "**Linux, TCP**\n\n```\nss -ltnp '\''sport = :%d'\''\n```\n\n", port > f
      printf "**Linux, UDP**\n\n```\nss -lunp '\''sport = :%d'\''\n```\n\n", port > f
      printf "**macOS, TCP**%s\n\n```\nlsof -nP -iTCP:%d -sTCP:LISTEN\n```\n\n", ref(18), port > f
      printf "**macOS, UDP**\n\n```\nlsof -nP -iUDP:%d\n```\n\n", port > f
      printf "**Windows, TCP**%s\n\n```\nGet-NetTCPConnection -LocalPort %d -State Listen\n```\n\n", ref(19), port > f
      printf "**Windows, UDP**\n\n```\nGet-NetUDPEndpoint -LocalPort %d\n```\n\n", port > f
      printf "**Portolan**\n\n```\nportolan check %d\n```\n\n", port > f
      printf "Run the Linux and macOS commands with sudo to see the processes of other users; without it, they show only your own.\n\n" > f

      printf "## Why it matters\n\n" > f
      printf "Firewalls, scanners and monitoring tools name traffic on port %d after %s; anything else listening here will be reported under that name and is easy to misread.\n\n", port, svc > f

      printf "## Frequently asked questions\n\n" > f
      printf "### What is port %d used for?\n\nIANA assigns it to %s on %s.\n\n", port, svc, tr > f
      printf "### Can I run my own service on port %d?\n\nYou can, but IANA assigns port %d to %s: clients, firewalls and scanners will expect that service there, and the two will collide on a machine that runs both.\n\n", port, port, svc > f
      printf "### Do I need root to listen on port %d?\n\nOn Unix, Linux, and FreeBSD, yes for ports below 1024, or an equivalent privilege. On macOS, only to listen on a specific address: the wildcard address needs no privilege.%s%s\n\n", port, ref(6), ref(9) > f
      printf "### Is port %d an ephemeral port?\n\nIt is outside the dynamic range of IANA. It lies in none of the default ephemeral ranges of the systems Portolan knows.\n\n", port > f
      printf "### Will a browser connect to port %d?\n\nYes: port %d is not among the bad ports of the Fetch standard.\n\n", port, port > f
      printf "### How do I see what is listening on port %d?\n\nOn Linux, run `ss -ltnp '\''sport = :%d'\''`; on macOS, `lsof -nP -iTCP:%d -sTCP:LISTEN`; on Windows PowerShell, `Get-NetTCPConnection -LocalPort %d -State Listen`; or run `portolan check %d` on any of them.\n\n", port, port, port, port, port > f

      printf "## Related ports\n\n" > f
      printf "- [Port %d](/ports/%d/): ports %d and %d carry the same protocol, one of them inside TLS.%s\n\n", other, other, port, other, ref(20) > f

      printf "## Sources\n\n" > f
      for (j = 1; j <= n_src; j++)
        printf "[^%d]: [%s](%s) %s\n", j, src[3 * j - 2], src[3 * j], src[3 * j - 1] > f
      close(f)
    }
  }'
}

# Average size in bytes of the generated port pages in an output directory.
port_page_size() { # OUTPUT_DIR
  find "$1/ports" -type f -name '*.html' ! -path "$1/ports/page/*" ! -path "$1/ports/index.html" -printf '%s\n' \
    | awk '{s += $1; n++} END {printf "%d\n", n ? s / n : 0}'
}

# ----------------------------------------------------------------------------------------------
# Measuring
# ----------------------------------------------------------------------------------------------

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
sum_sizes() { awk '{s += $1} END {printf "%d\n", s}'; }
mib() { awk -v b="$1" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }

available_mib() { # MemAvailable in MiB, without starting a process
  local key value _
  while read -r key value _; do
    if [ "$key" = "MemAvailable:" ]; then echo $((value / 1024)); return; fi
  done </proc/meminfo
  echo 0
}

# memory_guard PID: the machine is shared, and Hugo keeps every page in memory (past 17 GiB for
# 65,536 pages of 27 KB): stop the timed command, with its whole session, before the kernel has to
# pick processes to kill.
memory_guard() {
  while sleep 1 && kill -0 "$1" 2>/dev/null; do
    if [ "$(available_mib)" -lt "$min_available" ]; then
      : >"$work/guard-stopped"
      kill -TERM -- "-$1" 2>/dev/null || true
    fi
  done
}

# series NAME DEST COMMAND...: runs COMMAND RUNS times, each into a fresh, empty DEST, under GNU
# time; prints a row per run and the medians. Only COMMAND is timed. Sets s_rate (median pages/s).
series() {
  local name="$1" dest="$2"; shift 2
  local -a secs_all=() rate_all=() rss_all=()
  local r load avail t0 t1 secs html total gz rss cpu rate extra guard status
  printf '  %-4s %-16s %9s %8s %9s %8s %8s %8s  %s\n' run "load before" "free MiB" pages seconds pages/s "CPU s" "RSS MiB" "output (without .gz)"
  for ((r = 1; r <= runs; r++)); do
    rm -rf "$dest"
    mkdir -p "$dest"
    sync
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    avail="$(available_mib)"
    t0="$(date +%s.%N)"
    # In a session of its own, so that the guard can stop it with everything it started.
    setsid /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$name.log" 2>&1 &
    running="$!"
    memory_guard "$running" &
    guard="$!"
    status=0
    wait "$running" || status=$?
    t1="$(date +%s.%N)"
    running=""
    kill "$guard" 2>/dev/null || true
    wait "$guard" 2>/dev/null || true
    if [ -e "$work/guard-stopped" ]; then
      die "stopped $name (run $r) after $(elapsed "$t0" "$t1") s: the memory available fell below $min_available MiB (it was $avail MiB at the start); free memory or give fewer --pages"
    fi
    if [ "$status" -ne 0 ]; then
      echo "export-vs-hugo: $name failed (run $r, exit status $status); the end of its output:" >&2
      tail -n 30 "$work/$name.log" >&2
      exit 1
    fi
    secs="$(elapsed "$t0" "$t1")"
    html="$(find "$dest" -type f -name '*.html' | wc -l)"
    total="$(find "$dest" -type f ! -name '*.gz' -printf '%s\n' | sum_sizes)"
    gz="$(find "$dest" -type f -name '*.gz' -printf '%s\n' | sum_sizes)"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$work/time.txt")"
    cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$work/time.txt")"
    rate="$(awk -v p="$html" -v s="$secs" 'BEGIN {printf "%.0f", p / s}')"
    extra=""
    [ "$gz" -gt 0 ] && extra=" (+ $(mib "$gz") in $(find "$dest" -type f -name '*.gz' | wc -l) .gz files)"
    printf '  %-4s %-16s %9d %8d %9.2f %8d %8.1f %8d  %s%s\n' "$r" "$load" "$avail" "$html" "$secs" "$rate" "$cpu" "$rss" "$(mib "$total")" "$extra"
    secs_all+=("$secs"); rate_all+=("$rate"); rss_all+=("$rss")
  done
  local html_bytes
  html_bytes="$(find "$dest" -type f -name '*.html' -printf '%s\n' | sum_sizes)"
  s_rate="$(median "${rate_all[@]}")"
  printf '  median: %d pages in %.2f s, %.0f pages/s, peak RSS %.0f MiB; .html files average %d bytes\n' \
    "$html" "$(median "${secs_all[@]}")" "$s_rate" "$(median "${rss_all[@]}")" "$((html_bytes / (html > 0 ? html : 1)))"
}

# ----------------------------------------------------------------------------------------------
# Run
# ----------------------------------------------------------------------------------------------

echo "== machine"
echo "  cpus: $(nproc) ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))"
echo "  memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)"
echo "  output: $out_root ($(df -T "$out_root" | awk 'NR == 2 {print $2}'))"
echo "  $(hugo version)"
echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

# Calibrate the page size: two small builds of 48 pages spread over the whole site tell the base
# size and the bytes one filler sentence adds; the full site gets the filler that comes nearest to
# --page-bytes.
echo "== generating the Hugo site ($pages pages of about $page_bytes bytes)"
cal="$work/calibrate"
sizes=()
for f in 0 8; do
  rm -rf "$cal"
  write_site_files "$cal"
  generate_content "$cal" 48 "$f" "$(((pages + 47) / 48))"
  hugo --quiet --source "$cal" --destination "$cal/public" >"$work/calibrate.log" 2>&1 \
    || { cat "$work/calibrate.log" >&2; die "the calibration build failed"; }
  sizes+=("$(port_page_size "$cal/public")")
done
rm -rf "$cal"
filler="$(awk -v a="${sizes[0]}" -v b="${sizes[1]}" -v t="$page_bytes" \
  'BEGIN {k = (t - a) / ((b - a) / 8); k = int(k + 0.5); print (k < 0 ? 0 : k)}')"
t0="$(date +%s.%N)"
write_site_files "$site"
generate_content "$site" "$pages" "$filler"
echo "  $pages markdown files, $(mib "$(find "$site/content" -type f -printf '%s\n' | sum_sizes)"), $filler filler sentences each, written in $(elapsed "$t0" "$(date +%s.%N)") s"
hugo version >/dev/null # the binary into the page cache

hugo_out="$out_root/hugo-out"
hugo_cmd=(env HUGO_CACHEDIR="$work/hugo-cache" ${hugo_env[@]+"${hugo_env[@]}"} hugo --quiet --source "$site" --destination "$hugo_out")
echo "== hugo: ${hugo_cmd[*]:2}"
echo "   $runs runs into an empty directory each"
series hugo "$hugo_out" "${hugo_cmd[@]}"
echo "  port pages: $pages of $(port_page_size "$hugo_out") bytes on average (asked for $page_bytes)"
hugo_rate="$s_rate"

hugo_gzip_rate=""
if [ "$hugo_gzip" = true ]; then
  # What a Hugo site does to serve precompressed files: gzip every text file beside itself, at
  # Portolan's level (6), one gzip process per core.
  gzip_step="find $(printf '%q' "$hugo_out") -type f \\( -name '*.html' -o -name '*.xml' -o -name '*.css' -o -name '*.js' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' \\) -print0 | xargs -0 -r -n 256 -P $(nproc) gzip -k -6"
  echo "== hugo, then gzip -k -6 of every text file (xargs -P $(nproc)), timed together"
  series hugo-gzip "$hugo_out" bash -c "$(printf '%q ' "${hugo_cmd[@]}") && $gzip_step"
  hugo_gzip_rate="$s_rate"
fi
[ "$keep" = true ] || rm -rf "$hugo_out"

if [ -n "$portolan_cmd" ]; then
  dest="$out_root/portolan-out"
  cmd="${portolan_cmd//\{dir\}/$(printf '%q' "$dest")}"
  echo "== portolan: $cmd"
  echo "   $runs runs into an empty directory each; pages are the .html files, .gz files not counted"
  series portolan "$dest" bash -c "$cmd"
  awk -v p="$s_rate" -v h="$hugo_rate" 'BEGIN {printf "== portolan / hugo, median pages per second: %.0f / %.0f = %.2f\n", p, h, p / h}'
  if [ -n "$hugo_gzip_rate" ]; then
    awk -v p="$s_rate" -v h="$hugo_gzip_rate" 'BEGIN {printf "== portolan / (hugo + gzip), median pages per second: %.0f / %.0f = %.2f\n", p, h, p / h}'
  fi
  [ "$keep" = true ] || rm -rf "$dest"
fi
