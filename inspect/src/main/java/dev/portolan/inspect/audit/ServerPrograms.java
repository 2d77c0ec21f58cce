package dev.portolan.inspect.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The programs known to serve a registered service, for the {@link Rule#UNEXPECTED_PROGRAM} rule.
 * The rule reports a mismatch only when it is sure: the service is in this table, the process
 * name is known, and it is none of the service's programs, of the {@link #HOSTS} and, for services
 * other than ssh, of the {@link #FORWARDERS}. Anything not in the table is never reported.
 *
 * <p>Names are compared in lower case without {@code .exe}, against the process name and the
 * first word of its command line ({@code sshd: /usr/sbin/sshd -D} gives {@code sshd}). Systems
 * cut names short, Linux to 15 characters ({@code systemd-resolve}) and lsof to 9 ({@code
 * mDNSRespo}): a name of 9 characters or more that starts a known name counts as that name.
 *
 * <table>
 *   <caption>Services and their programs</caption>
 *   <tr><th>service names</th><th>programs</th></tr>
 *   <tr><td>ssh</td><td>sshd, sshd-session, dropbear, tinysshd (not the ssh client)</td></tr>
 *   <tr><td>http, www, www-http, https, http-alt</td><td>web servers and proxies: nginx, apache2, httpd,
 *     caddy, lighttpd, traefik, haproxy, envoy, varnishd, h2o, openresty</td></tr>
 *   <tr><td>domain</td><td>named, unbound, dnsmasq, systemd-resolved, pdns_server, pdns_recursor, coredns,
 *     knotd, kresd, nsd, dns (Windows)</td></tr>
 *   <tr><td>smtp, submission, submissions</td><td>master (Postfix), exim, exim4, sendmail, smtpd, opensmtpd</td></tr>
 *   <tr><td>imap, imaps, pop3, pop3s</td><td>dovecot, cyrus-master, master</td></tr>
 *   <tr><td>ntp</td><td>ntpd, chronyd, systemd-timesyncd, openntpd</td></tr>
 *   <tr><td>bootps</td><td>dhcpd, dnsmasq, kea-dhcp4</td></tr>
 *   <tr><td>bootpc</td><td>dhclient, dhcpcd, networkmanager, systemd-networkd</td></tr>
 *   <tr><td>ipp, ipps</td><td>cupsd</td></tr>
 *   <tr><td>mysql</td><td>mysqld, mariadbd</td></tr>
 *   <tr><td>postgresql</td><td>postgres, postmaster</td></tr>
 *   <tr><td>redis</td><td>redis-server, valkey-server, keydb-server</td></tr>
 *   <tr><td>ldap, ldaps</td><td>slapd, lsass (Windows)</td></tr>
 *   <tr><td>microsoft-ds, netbios-ssn, netbios-ns, netbios-dgm</td><td>smbd, nmbd, samba</td></tr>
 *   <tr><td>rsync</td><td>rsync</td></tr>
 *   <tr><td>ftp</td><td>vsftpd, proftpd, pure-ftpd</td></tr>
 *   <tr><td>telnet</td><td>telnetd, in.telnetd</td></tr>
 *   <tr><td>snmp</td><td>snmpd</td></tr>
 *   <tr><td>sunrpc</td><td>rpcbind, portmap</td></tr>
 *   <tr><td>mongodb</td><td>mongod, mongos</td></tr>
 *   <tr><td>memcache</td><td>memcached</td></tr>
 *   <tr><td>openvpn</td><td>openvpn</td></tr>
 * </table>
 *
 * <p>{@link #HOSTS} hold sockets on behalf of other programs and are never reported: systemd,
 * launchd, inetd and xinetd (socket activation), svchost (Windows service host) and System
 * (Windows' kernel, which holds http.sys and SMB ports). {@link #FORWARDERS} hold ports that
 * lead elsewhere (ssh and sshd tunnels, docker-proxy, rootlessport, slirp4netns, pasta, vpnkit) and
 * are never reported except on the ssh port itself, where an SSH server is expected.
 */
final class ServerPrograms {
    static final Set<String> HOSTS = Set.of("systemd", "launchd", "inetd", "xinetd", "svchost", "system");
    static final Set<String> FORWARDERS = Set.of("ssh", "sshd", "docker-proxy", "rootlessport", "slirp4netns", "pasta",
            "vpnkit", "com.docker.backend");
    /** Names at least this long may be the cut-off start of a longer name. */
    static final int SHORTEST_CUT = 9;

    private static final List<String> WEB = List.of("nginx", "apache2", "httpd", "caddy", "lighttpd", "traefik",
            "haproxy", "envoy", "varnishd", "h2o", "openresty");
    private static final List<String> MAIL = List.of("master", "exim", "exim4", "sendmail", "smtpd", "opensmtpd");
    private static final List<String> MAILBOX = List.of("dovecot", "cyrus-master", "master");
    private static final List<String> SMB = List.of("smbd", "nmbd", "samba");

    private static final Map<String, List<String>> BY_SERVICE = Map.ofEntries(
            Map.entry("ssh", List.of("sshd", "sshd-session", "dropbear", "tinysshd")),
            Map.entry("http", WEB), Map.entry("www", WEB), Map.entry("www-http", WEB), Map.entry("https", WEB),
            Map.entry("http-alt", WEB),
            Map.entry("domain", List.of("named", "unbound", "dnsmasq", "systemd-resolved", "pdns_server",
                    "pdns_recursor", "coredns", "knotd", "kresd", "nsd", "dns")),
            Map.entry("smtp", MAIL), Map.entry("submission", MAIL), Map.entry("submissions", MAIL),
            Map.entry("imap", MAILBOX), Map.entry("imaps", MAILBOX), Map.entry("pop3", MAILBOX),
            Map.entry("pop3s", MAILBOX),
            Map.entry("ntp", List.of("ntpd", "chronyd", "systemd-timesyncd", "openntpd")),
            Map.entry("bootps", List.of("dhcpd", "dnsmasq", "kea-dhcp4")),
            Map.entry("bootpc", List.of("dhclient", "dhcpcd", "networkmanager", "systemd-networkd")),
            Map.entry("ipp", List.of("cupsd")), Map.entry("ipps", List.of("cupsd")),
            Map.entry("mysql", List.of("mysqld", "mariadbd")),
            Map.entry("postgresql", List.of("postgres", "postmaster")),
            Map.entry("redis", List.of("redis-server", "valkey-server", "keydb-server")),
            Map.entry("ldap", List.of("slapd", "lsass")), Map.entry("ldaps", List.of("slapd", "lsass")),
            Map.entry("microsoft-ds", SMB), Map.entry("netbios-ssn", SMB), Map.entry("netbios-ns", SMB),
            Map.entry("netbios-dgm", SMB),
            Map.entry("rsync", List.of("rsync")),
            Map.entry("ftp", List.of("vsftpd", "proftpd", "pure-ftpd")),
            Map.entry("telnet", List.of("telnetd", "in.telnetd")),
            Map.entry("snmp", List.of("snmpd")),
            Map.entry("sunrpc", List.of("rpcbind", "portmap")),
            Map.entry("mongodb", List.of("mongod", "mongos")),
            Map.entry("memcache", List.of("memcached")),
            Map.entry("openvpn", List.of("openvpn")));

    private ServerPrograms() {}

    /** The known programs of a service name, or null when the table does not know the service. */
    static @Nullable List<String> of(String service) {
        return BY_SERVICE.get(service.toLowerCase(Locale.ROOT));
    }

    /** A process name or command word in the form names are compared in. */
    static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        if (n.endsWith(":")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.endsWith(".exe")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    /** Whether {@code seen} (normalized) is {@code known}, or its cut-off start. */
    static boolean matches(String seen, String known) {
        return seen.equals(known) || (seen.length() >= SHORTEST_CUT && known.startsWith(seen));
    }

    /** Whether {@code seen} (normalized) is any of {@code names}, or the cut-off start of one. */
    static boolean matchesAny(String seen, Iterable<String> names) {
        for (String k : names) {
            if (matches(seen, k)) {
                return true;
            }
        }
        return false;
    }
}
