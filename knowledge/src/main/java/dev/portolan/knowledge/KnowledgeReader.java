package dev.portolan.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the YAML format of {@code docs/knowledge.md} strictly: unknown keys, missing fields, bad
 * ports and citations that do not exist are errors naming the file and the field.
 */
final class KnowledgeReader {
    /** What a program uses a port for; the bundles have one phrase each ({@code role.<role>}). */
    static final Set<String> ROLES = Set.of("web-interface", "admin-console", "http-api", "development-server",
            "web-server", "http-proxy", "alternate-http", "database", "cache", "message-broker", "search-engine",
            "cluster", "monitoring", "logging", "tracing", "container", "game-server", "game-query", "rcon",
            "voice-chat", "chat", "voip-signaling", "voip-media", "video-conferencing", "media-streaming", "casting",
            "remote-desktop", "remote-access", "file-sharing", "file-sync", "backup", "vpn", "tunnel", "socks-proxy",
            "directory", "authentication", "mail", "dns", "time", "discovery", "debugger", "printing", "scanning",
            "iot", "industrial", "version-control", "build-ci", "package-registry", "peer-to-peer", "cryptocurrency",
            "rpc", "licensing", "push-notifications", "updates", "security-scanner", "command-and-control", "other");
    static final Set<String> MALWARE_KINDS = Set.of("worm", "trojan", "remote-access-trojan", "backdoor", "botnet",
            "ransomware", "scanner");
    static final Set<String> RELATIONS = Set.of("tls", "alternate", "companion");
    static final Set<String> PROCEDURES = Set.of("ietf-review", "iesg-approval", "expert-review");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Facts as read, before indexing. */
    static final class Parts {
        final Map<String, Citation> citations = new LinkedHashMap<>();
        final List<Program> programs = new ArrayList<>();
        final List<CommonName> names = new ArrayList<>();
        final List<ProtocolNote> protocols = new ArrayList<>();
        final List<SecurityNote> security = new ArrayList<>();
        final List<MalwareAssociation> malware = new ArrayList<>();
        final List<EphemeralRange> ephemeral = new ArrayList<>();
        final List<EphemeralHandling> handling = new ArrayList<>();
        final List<PrivilegedPorts> privileged = new ArrayList<>();
        final Set<Integer> badPorts = new HashSet<>();
        final List<String> badPortCites = new ArrayList<>();
        final List<HistoryEvent> events = new ArrayList<>();
        final List<RelatedPorts> related = new ArrayList<>();
        final List<RangeFacts> ranges = new ArrayList<>();
        final List<Deassignment> deassignments = new ArrayList<>();
        final List<String> deassignmentCites = new ArrayList<>();
        final List<String> badPortSchemes = new ArrayList<>();
        final Map<Integer, List<String>> badPortAdditions = new LinkedHashMap<>();
        /** Every cite, with where it was made, checked once all files are read. */
        final Map<String, String> cited = new LinkedHashMap<>();
    }

    private final String file;
    private final Parts parts;

    private KnowledgeReader(String file, Parts parts) {
        this.file = file;
        this.parts = parts;
    }

    static Parts read(Map<String, String> files) throws KnowledgeFormatException {
        Parts parts = new Parts();
        for (Map.Entry<String, String> f : files.entrySet()) {
            JsonNode root;
            try {
                root = YAML.readTree(f.getValue());
            } catch (JacksonException e) {
                throw new KnowledgeFormatException(f.getKey() + ": not valid YAML: " + e.getOriginalMessage(), e);
            }
            new KnowledgeReader(f.getKey(), parts).file(root);
        }
        for (Map.Entry<String, String> c : parts.cited.entrySet()) {
            String id = c.getKey().substring(0, c.getKey().indexOf('\n'));
            if (!parts.citations.containsKey(id)) {
                throw new KnowledgeFormatException(c.getValue() + ": cites '" + id + "', which no file defines");
            }
        }
        unique("program", parts.programs.stream().map(Program::id).toList());
        unique("program name", parts.programs.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList());
        unique("protocol note", parts.protocols.stream().map(ProtocolNote::id).toList());
        unique("security note", parts.security.stream().map(SecurityNote::id).toList());
        Set<String> programIds = new HashSet<>(parts.programs.stream().map(Program::id).toList());
        for (CommonName n : parts.names) {
            for (String id : n.programs()) {
                if (!programIds.contains(id)) {
                    throw new KnowledgeFormatException("the common name '" + n.name() + "' names the program '" + id
                            + "', which no file defines");
                }
            }
        }
        Set<String> eventIds = new HashSet<>();
        for (HistoryEvent e : parts.events) {
            if (!eventIds.add(e.id())) {
                throw new KnowledgeFormatException("history event '" + e.id() + "' is defined twice");
            }
        }
        return parts;
    }

    private static void unique(String what, List<String> ids) throws KnowledgeFormatException {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new KnowledgeFormatException(what + " '" + id + "' is defined twice");
            }
        }
    }

    private void file(@Nullable JsonNode root) throws KnowledgeFormatException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw fail("", "the file must be a mapping of sections");
        }
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            String name = section.getKey();
            JsonNode node = section.getValue();
            switch (name) {
                case "citations" -> citations(node);
                case "programs" -> each(name, node, this::program);
                case "names" -> each(name, node, this::commonName);
                case "protocols" -> each(name, node, this::protocol);
                case "security" -> each(name, node, this::securityNote);
                case "malware" -> each(name, node, this::malware);
                case "ephemeral" -> each(name, node, this::ephemeral);
                case "handling" -> each(name, node, this::handling);
                case "privileged" -> each(name, node, this::privileged);
                case "bad-ports" -> badPorts(node);
                case "events" -> each(name, node, this::event);
                case "related" -> each(name, node, this::related);
                case "ranges" -> each(name, node, this::range);
                case "deassignment" -> deassignment(node);
                case "additions" -> each(name, node, this::addition);
                default -> throw fail(name, "unknown section (known: citations, programs, names, protocols, security, "
                        + "malware, ephemeral, handling, privileged, bad-ports, additions, events, related, ranges, deassignment)");
            }
        }
    }

    private interface EntryReader {
        void read(String where, JsonNode entry) throws KnowledgeFormatException;
    }

    private void each(String section, JsonNode list, EntryReader reader) throws KnowledgeFormatException {
        if (!list.isArray()) {
            throw fail(section, "must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            String where = section + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw fail(where, "must be a mapping");
            }
            reader.read(where, entry);
        }
    }

    private void citations(JsonNode node) throws KnowledgeFormatException {
        if (!node.isObject()) {
            throw fail("citations", "must be a mapping of id to citation");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String where = "citations." + e.getKey();
            if (!ID.matcher(e.getKey()).matches()) {
                throw fail(where, "a citation id must match [a-z0-9][a-z0-9-]*");
            }
            JsonNode c = e.getValue();
            allow(where, c, "title", "publisher", "url", "secondary", "note");
            String url = text(where, c, "url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw fail(where + ".url", "'" + url + "' is not an http(s) URL");
            }
            JsonNode secondary = c.get("secondary");
            if (secondary != null && !secondary.isBoolean()) {
                throw fail(where + ".secondary", "must be true or false, not '" + secondary.asText() + "'");
            }
            Citation citation = new Citation(e.getKey(), text(where, c, "title"), text(where, c, "publisher"), url,
                    secondary != null && secondary.asBoolean());
            Citation before = parts.citations.putIfAbsent(citation.id(), citation);
            if (before != null && !before.equals(citation)) {
                throw fail(where, "is defined differently in another file");
            }
        }
    }

    private void program(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "name", "aliases", "ports", "note");
        String id = id(where, n);
        String w = where + " (" + id + ")";
        JsonNode list = n.get("ports");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw fail(w + ".ports", "must list at least one port");
        }
        List<ProgramPort> ports = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String wp = w + ".ports[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw fail(wp, "must be a mapping");
            }
            allow(wp, e, "port", "transports", "role", "component", "since", "until", "usage", "cite", "evidence",
                    "note");
            String usage = optionalText(e, "usage");
            if (!usage.isEmpty() && !usage.equals("example") && !usage.equals("optional")) {
                throw fail(wp + ".usage", "'" + usage + "' is not example or optional (leave it out for a default or "
                        + "fixed port)");
            }
            String role = text(wp, e, "role");
            if (!ROLES.contains(role)) {
                throw fail(wp + ".role", "'" + role + "' is not a known role (see docs/knowledge.md)");
            }
            text(wp, e, "evidence");
            ports.add(new ProgramPort(portOrRange(wp + ".port", e.get("port")), transports(wp, e), role,
                    optionalText(e, "component"), optionalText(e, "since"), optionalText(e, "until"),
                    usage.isEmpty() ? ProgramPort.Usage.DEFAULT : ProgramPort.Usage.valueOf(usage.toUpperCase(
                            java.util.Locale.ROOT)), cites(wp, e)));
        }
        parts.programs.add(new Program(id, text(where, n, "name"), texts(where, n, "aliases"), field(), ports));
    }

    /** The field of a program file: its name without folder and extension ({@code programs/games.yaml}: games). */
    private String field() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }

    private PortRange portOrRange(String where, @Nullable JsonNode v) throws KnowledgeFormatException {
        if (v == null || v.isNull()) {
            throw fail(where, "is required: a port, or a range such as 27015-27030");
        }
        if (v.isIntegralNumber()) {
            return PortRange.of(portValue(where, v));
        }
        java.util.regex.Matcher m = RANGE.matcher(v.asText());
        if (!v.isTextual() || !m.matches()) {
            throw fail(where, "'" + v.asText() + "' is not a port (0-65535) or a range such as 27015-27030");
        }
        int low = Integer.parseInt(m.group(1));
        int high = Integer.parseInt(m.group(2));
        if (high > PortRange.MAX_PORT || low >= high) {
            throw fail(where, "'" + v.asText() + "' is not a range of ports: the first must be lower, both 0-65535");
        }
        return new PortRange(low, high);
    }

    private void commonName(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "name", "expansion", "service", "programs", "ports", "cite", "evidence", "note");
        String service = optionalText(n, "service");
        List<String> programs = texts(where, n, "programs");
        if (service.isEmpty() == programs.isEmpty()) {
            throw fail(where, "names either a registry service (service) or programs (programs), exactly one of them");
        }
        parts.names.add(new CommonName(text(where, n, "name"), optionalText(n, "expansion"), service, programs,
                portList(where, n), cites(where, n)));
    }

    private void protocol(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "ports", "transports", "cite", "evidence", "note");
        parts.protocols.add(new ProtocolNote(id(where, n), portList(where, n), transports(where, n), cites(where, n)));
    }

    private void securityNote(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "ports", "transports", "kind", "cite", "evidence", "note");
        String kind = text(where, n, "kind");
        if (!SecurityNote.KINDS.contains(kind)) {
            throw fail(where + ".kind", "'" + kind + "' is not one of " + SecurityNote.KINDS);
        }
        parts.security.add(new SecurityNote(id(where, n), portList(where, n), transports(where, n), kind,
                cites(where, n)));
    }

    private List<Integer> portList(String where, JsonNode n) throws KnowledgeFormatException {
        JsonNode p = n.get("ports");
        if (p == null || !p.isArray() || p.isEmpty()) {
            throw fail(where + ".ports", "must be a non-empty list of ports");
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            ports.add(portValue(where + ".ports[" + i + "]", p.get(i)));
        }
        return ports;
    }

    private void malware(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "port", "transports", "name", "kind", "year", "cite", "evidence", "note");
        String kind = text(where, n, "kind");
        if (!MALWARE_KINDS.contains(kind)) {
            throw fail(where + ".kind", "'" + kind + "' is not one of " + new java.util.TreeSet<>(MALWARE_KINDS));
        }
        int year = integer(where, n, "year", 1970, 2100);
        parts.malware.add(new MalwareAssociation(port(where, n, "port"), transports(where, n), text(where, n, "name"),
                kind, year, cites(where, n)));
    }

    private void ephemeral(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "system", "since", "until", "low", "high", "setting", "cite", "note");
        int low = port(where, n, "low");
        int high = port(where, n, "high");
        if (low > high) {
            throw fail(where, "low " + low + " is above high " + high);
        }
        parts.ephemeral.add(new EphemeralRange(id(where, n), text(where, n, "system"), optionalText(n, "since"),
                optionalText(n, "until"), low, high, texts(where, n, "setting"), cites(where, n)));
    }

    private void handling(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "system", "timeWait", "show", "change", "reserve", "connect", "note");
        JsonNode tw = object(where, n, "timeWait");
        allow(where + ".timeWait", tw, "seconds", "setting", "cite", "note");
        int seconds = tw.has("seconds") ? integer(where + ".timeWait", tw, "seconds", 1, 3600) : 0;
        EphemeralHandling.Step reserve = null;
        String replaces = "";
        List<String> reserveCites = List.of();
        boolean none = false;
        if (n.has("reserve")) {
            // Absent when no source says; a command, or none: true with the source that shows there is none.
            JsonNode r = object(where, n, "reserve");
            allow(where + ".reserve", r, "command", "none", "replaces", "cite", "note");
            if (r.has("command")) {
                reserve = step(where + ".reserve", r);
                replaces = optionalText(r, "replaces");
            } else if (!r.path("none").asBoolean(false)) {
                throw fail(where + ".reserve", "needs a command, or none: true where the system has none");
            } else {
                none = true;
                reserveCites = cites(where + ".reserve", r);
            }
        }
        JsonNode c = object(where, n, "connect");
        allow(where + ".connect", c, "cite", "note");
        JsonNode show = object(where, n, "show");
        allow(where + ".show", show, "command", "cite", "note");
        JsonNode change = object(where, n, "change");
        allow(where + ".change", change, "command", "cite", "note");
        parts.handling.add(new EphemeralHandling(id(where, n), text(where, n, "system"), seconds,
                optionalText(tw, "setting"), cites(where + ".timeWait", tw), step(where + ".show", show),
                step(where + ".change", change), reserve, none, replaces, reserveCites, cites(where + ".connect", c)));
    }

    private EphemeralHandling.Step step(String where, JsonNode n) throws KnowledgeFormatException {
        return new EphemeralHandling.Step(text(where, n, "command"), cites(where, n));
    }

    private JsonNode object(String where, JsonNode n, String field) throws KnowledgeFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw fail(where + "." + field, "must be a mapping");
        }
        return v;
    }

    private void privileged(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "system", "below", "privilege", "setting", "since", "exempt", "alternatives", "cite",
                "note");
        Integer below = n.has("below") && !n.get("below").isNull() ? integer(where, n, "below", 1, 65_536) : null;
        String exempt = optionalText(n, "exempt");
        if (!exempt.isEmpty() && !exempt.equals("wildcard-address")) {
            throw fail(where + ".exempt", "'" + exempt + "' is not wildcard-address");
        }
        List<PrivilegedPorts.Alternative> alternatives = new ArrayList<>();
        JsonNode alt = n.get("alternatives");
        if (alt != null && !alt.isNull()) {
            if (!alt.isArray()) {
                throw fail(where + ".alternatives", "must be a list");
            }
            for (int i = 0; i < alt.size(); i++) {
                String w = where + ".alternatives[" + i + "]";
                JsonNode a = alt.get(i);
                allow(w, a, "name", "since", "cite", "note");
                alternatives.add(new PrivilegedPorts.Alternative(text(w, a, "name"), optionalText(a, "since"), cites(w, a)));
            }
        }
        parts.privileged.add(new PrivilegedPorts(id(where, n), text(where, n, "system"), below,
                optionalText(n, "privilege"), texts(where, n, "setting"), optionalText(n, "since"), exempt, alternatives,
                cites(where, n)));
    }

    private void badPorts(JsonNode n) throws KnowledgeFormatException {
        String where = "bad-ports";
        if (!n.isObject()) {
            throw fail(where, "must be a mapping with cite and ports");
        }
        allow(where, n, "ports", "schemes", "cite", "note");
        parts.badPortSchemes.addAll(texts(where, n, "schemes"));
        JsonNode ports = n.get("ports");
        if (ports == null || !ports.isArray() || ports.isEmpty()) {
            throw fail(where + ".ports", "must be a non-empty list of ports");
        }
        for (int i = 0; i < ports.size(); i++) {
            parts.badPorts.add(portValue(where + ".ports[" + i + "]", ports.get(i)));
        }
        parts.badPortCites.addAll(cites(where, n));
    }

    private void event(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "date", "cite", "note");
        String date = text(where, n, "date");
        if (!DATE.matcher(date).matches()) {
            throw fail(where + ".date", "'" + date + "' is not YYYY-MM-DD or YYYY-MM");
        }
        parts.events.add(new HistoryEvent(id(where, n), date, cites(where, n)));
    }

    private void related(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "ports", "relation", "cite", "note");
        JsonNode ports = n.get("ports");
        if (ports == null || !ports.isArray() || ports.size() < 2) {
            throw fail(where + ".ports", "must list at least two ports");
        }
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            list.add(portValue(where + ".ports[" + i + "]", ports.get(i)));
        }
        String relation = text(where, n, "relation");
        if (!RELATIONS.contains(relation)) {
            throw fail(where + ".relation", "'" + relation + "' is not one of " + new java.util.TreeSet<>(RELATIONS));
        }
        parts.related.add(new RelatedPorts(list, relation, cites(where, n)));
    }

    private void range(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "id", "low", "high", "procedures", "cite", "note");
        List<String> procedures = new ArrayList<>();
        JsonNode p = n.get("procedures");
        if (p != null && !p.isNull()) {
            if (!p.isArray()) {
                throw fail(where + ".procedures", "must be a list");
            }
            for (JsonNode v : p) {
                if (!PROCEDURES.contains(v.asText())) {
                    throw fail(where + ".procedures", "'" + v.asText() + "' is not one of " + new java.util.TreeSet<>(PROCEDURES));
                }
                procedures.add(v.asText());
            }
        }
        String id = id(where, n);
        if (!Set.of("system", "user", "dynamic").contains(id)) {
            throw fail(where + ".id", "'" + id + "' is not system, user or dynamic");
        }
        parts.ranges.add(new RangeFacts(id, port(where, n, "low"), port(where, n, "high"), procedures, cites(where, n)));
    }

    private void deassignment(JsonNode n) throws KnowledgeFormatException {
        String where = "deassignment";
        if (!n.isObject()) {
            throw fail(where, "must be a mapping with cite and examples");
        }
        allow(where, n, "cite", "registry-state", "examples", "note");
        parts.deassignmentCites.addAll(cites(where, n));
        JsonNode examples = n.get("examples");
        if (examples != null && !examples.isNull()) {
            each(where + ".examples", examples, (w, e) -> {
                allow(w, e, "ports", "transports", "date", "former-service", "cite", "note");
                List<Integer> ports = new ArrayList<>();
                JsonNode p = e.get("ports");
                if (p == null || !p.isArray() || p.isEmpty()) {
                    throw fail(w + ".ports", "must be a non-empty list of ports");
                }
                for (int i = 0; i < p.size(); i++) {
                    ports.add(portValue(w + ".ports[" + i + "]", p.get(i)));
                }
                String date = text(w, e, "date");
                if (!DATE.matcher(date).matches()) {
                    throw fail(w + ".date", "'" + date + "' is not YYYY-MM-DD or YYYY-MM");
                }
                parts.deassignments.add(new Deassignment(ports, date, text(w, e, "former-service"), cites(w, e)));
            });
        }
    }

    private void addition(String where, JsonNode n) throws KnowledgeFormatException {
        allow(where, n, "ports", "cite", "note");
        JsonNode p = n.get("ports");
        if (p == null || !p.isArray() || p.isEmpty()) {
            throw fail(where + ".ports", "must be a non-empty list of ports");
        }
        List<String> cites = cites(where, n);
        for (int i = 0; i < p.size(); i++) {
            parts.badPortAdditions.computeIfAbsent(portValue(where + ".ports[" + i + "]", p.get(i)),
                    k -> new ArrayList<>()).addAll(cites);
        }
    }

    // --- fields ---

    /** One text or a list of texts; absent means none. */
    private List<String> texts(String where, JsonNode n, String field) throws KnowledgeFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isValueNode()) {
            return List.of(v.asText().strip());
        }
        if (!v.isArray()) {
            throw fail(where + "." + field, "must be text or a list of texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw fail(where + "." + field, "must be text or a list of texts");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    private void allow(String where, JsonNode n, String... names) throws KnowledgeFormatException {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw fail(where + "." + f, "unknown field (allowed: " + String.join(", ", names) + ")");
            }
        }
    }

    private String text(String where, JsonNode n, String field) throws KnowledgeFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw fail(where + "." + field, "is required and must be non-empty text");
        }
        return v.asText().strip();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    private String id(String where, JsonNode n) throws KnowledgeFormatException {
        String id = text(where, n, "id");
        if (!ID.matcher(id).matches()) {
            throw fail(where + ".id", "'" + id + "' must match [a-z0-9][a-z0-9-]*");
        }
        return id;
    }

    private int integer(String where, JsonNode n, String field, int min, int max) throws KnowledgeFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw fail(where + "." + field, "must be a whole number from " + min + " to " + max
                    + (v == null ? "" : ", not '" + v.asText() + "'"));
        }
        return v.asInt();
    }

    private int port(String where, JsonNode n, String field) throws KnowledgeFormatException {
        JsonNode v = n.get(field);
        if (v == null) {
            throw fail(where + "." + field, "is required");
        }
        return portValue(where + "." + field, v);
    }

    private int portValue(String where, JsonNode v) throws KnowledgeFormatException {
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 65_535) {
            throw fail(where, "'" + v.asText() + "' is not a port number (0-65535)");
        }
        return v.asInt();
    }

    private Set<Transport> transports(String where, JsonNode n) throws KnowledgeFormatException {
        JsonNode v = n.get("transports");
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw fail(where + ".transports", "must be a non-empty list of tcp, udp, sctp, dccp");
        }
        Set<Transport> set = EnumSet.noneOf(Transport.class);
        for (JsonNode t : v) {
            set.add(Transport.parse(t.asText()).orElseThrow(() -> fail(where + ".transports",
                    "'" + t.asText() + "' is not tcp, udp, sctp or dccp")));
        }
        return set;
    }

    private List<String> cites(String where, JsonNode n) throws KnowledgeFormatException {
        JsonNode v = n.get("cite");
        List<String> ids = new ArrayList<>();
        if (v != null && v.isTextual()) {
            ids.add(v.asText().strip());
        } else if (v != null && v.isArray()) {
            for (JsonNode c : v) {
                ids.add(c.asText().strip());
            }
        }
        if (ids.isEmpty() || ids.stream().anyMatch(String::isEmpty)) {
            throw fail(where + ".cite", "every fact needs at least one citation id");
        }
        for (String id : ids) {
            parts.cited.putIfAbsent(id + "\n" + file + where, file + ": " + where);
        }
        return ids;
    }

    private KnowledgeFormatException fail(String where, String problem) {
        return new KnowledgeFormatException(file + (where.isEmpty() ? "" : ": " + where) + ": " + problem);
    }
}
