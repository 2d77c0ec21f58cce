package dev.portolan.core.iana;

import dev.portolan.core.Assignment;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Streams IANA's {@code service-names-port-numbers.xml} into a snapshot. Documents with a DTD are
 * refused, and external entities are never resolved. The reader keeps what the XML records;
 * e-mail addresses of the people list are dropped.
 */
final class IanaXmlReader {
    static final String REGISTRY_ID = "service-names-port-numbers";

    private static final XMLInputFactory FACTORY = newFactory();

    private final String sourceName;

    IanaXmlReader(String sourceName) {
        this.sourceName = sourceName;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Errors reach the caller as exceptions; without a reporter the parser also prints them.
        f.setXMLReporter((message, type, info, location) -> { });
        return f;
    }

    RegistrySnapshot read(InputStream in) throws RegistryFormatException {
        XMLStreamReader r = null;
        try {
            // Decoding here, strictly, turns bytes that are not UTF-8 (the registry's encoding) into
            // an exception, where the JDK's parser would also print them to standard error.
            r = FACTORY.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return readDocument(r);
        } catch (XMLStreamException e) {
            String where = e.getLocation() != null ? " at line " + e.getLocation().getLineNumber() : "";
            for (Throwable c = e; c != null; c = c.getCause() != null ? c.getCause()
                    : c instanceof XMLStreamException x ? x.getNestedException() : null) {
                if (c instanceof java.nio.charset.CharacterCodingException) {
                    throw new RegistryFormatException(sourceName + ": not UTF-8 text" + where
                            + "; IANA publishes the registry in UTF-8", e);
                }
            }
            throw new RegistryFormatException(sourceName + ": not well-formed XML" + where + ": "
                    + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // The JDK's parser reports some malformed input (bad characters in a DTD, for one)
            // with unchecked exceptions; to the user it is the same failure.
            throw new RegistryFormatException(sourceName + ": not well-formed XML: " + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing after a failure: the failure is what matters
                }
            }
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private RegistrySnapshot readDocument(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
        boolean rootSeen = false;
        LocalDate updated = null;
        List<Assignment> records = new ArrayList<>();
        Map<String, Person> people = new HashMap<>();
        Map<String, String> footnotes = new HashMap<>();
        int depth = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD) {
                throw new RegistryFormatException(sourceName + ": the document declares a DTD (line "
                        + r.getLocation().getLineNumber() + "); IANA registry files have none, so it is refused");
            }
            if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new RegistryFormatException(sourceName + ": undeclared entity &" + r.getLocalName()
                        + "; at line " + r.getLocation().getLineNumber());
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            if (!rootSeen) {
                rootSeen = true;
                String id = r.getAttributeValue(null, "id");
                if (!name.equals("registry") || !REGISTRY_ID.equals(id)) {
                    throw new RegistryFormatException(sourceName + ": not the IANA port registry (root element <"
                            + name + (id == null ? "" : " id=\"" + id + "\"") + ">, expected <registry id=\""
                            + REGISTRY_ID + "\">)");
                }
                continue;
            }
            switch (name) {
                case "updated" -> {
                    String text = r.getElementText();
                    depth--;
                    if (depth == 1) {
                        updated = RegistryDate.parse(text).flatMap(RegistryDate::toLocalDate).orElseThrow(
                                () -> new RegistryFormatException(sourceName + ": registry <updated> is \""
                                        + text.strip() + "\", expected a date YYYY-MM-DD"));
                    }
                }
                case "record" -> {
                    records.add(readRecord(r));
                    depth--;
                }
                case "person" -> {
                    Person p = readPerson(r);
                    depth--;
                    people.put(p.id(), p);
                }
                case "footnote" -> {
                    String anchor = r.getAttributeValue(null, "anchor");
                    String text = readMixed(r);
                    depth--;
                    if (anchor != null) {
                        footnotes.put(anchor, text);
                    }
                }
                default -> {
                    // title, category, expert, registry-level notes and xrefs: not per-port facts
                }
            }
        }
        if (!rootSeen) {
            throw new RegistryFormatException(sourceName + ": the file holds no XML element");
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, sourceName, updated, null),
                records, people, footnotes);
    }

    private Assignment readRecord(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
        int line = r.getLocation().getLineNumber();
        Assignment.Builder b = Assignment.builder();
        b.registered(date(r.getAttributeValue(null, "date"), "date", line));
        b.modified(date(r.getAttributeValue(null, "updated"), "updated", line));
        List<String> contacts = new ArrayList<>();
        List<String> assignees = new ArrayList<>();
        boolean described = false;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> b.service(r.getElementText().strip());
                case "protocol" -> {
                    String p = r.getElementText().strip();
                    if (!p.isEmpty()) {
                        b.transport(Transport.parse(p).orElseThrow(() -> new RegistryFormatException(sourceName
                                + ": record at line " + line + " has protocol \"" + p
                                + "\", expected tcp, udp, sctp or dccp")));
                    }
                }
                case "number" -> b.ports(ports(r.getElementText(), line));
                case "description" -> {
                    b.description(readMixed(r));
                    described = true;
                }
                case "assignee" -> assignees.addAll(personRefs(r));
                case "contact" -> contacts.addAll(personRefs(r));
                case "xref" -> {
                    String type = attr(r, "type");
                    String data = attr(r, "data");
                    String text = r.getElementText().strip();
                    if (type.equals("person")) {
                        if (!data.isBlank()) {
                            contacts.add(data);
                        }
                    } else {
                        reference(type, data, text).ifPresent(b::reference);
                    }
                }
                case "note" -> {
                    String note = readMixed(r);
                    if (!note.isEmpty()) {
                        b.note(note);
                    }
                }
                case "unauthorized" -> {
                    String text = readMixed(r);
                    if (!text.isEmpty()) {
                        b.unauthorized(text);
                    }
                }
                case "sc" -> b.serviceCode(r.getElementText().strip());
                default -> skip(r);
            }
        }
        if (!described) {
            b.description("");
        }
        // IANA's CSV convention: a record without an <assignee> has its contact as assignee.
        (assignees.isEmpty() ? contacts : assignees).forEach(b::assignee);
        contacts.forEach(b::contact);
        return b.build();
    }

    private static Optional<Reference> reference(String type, String data, String text) {
        String value = data.isBlank() ? text : data;
        if (value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case "rfc" -> Reference.rfc(value);
            case "draft" -> new Reference(Reference.Kind.DRAFT, value);
            case "uri" -> new Reference(Reference.Kind.URI, value);
            case "note" -> new Reference(Reference.Kind.FOOTNOTE, value);
            default -> new Reference(Reference.Kind.TEXT, value);
        });
    }

    private @Nullable RegistryDate date(@Nullable String value, String attribute, int line)
            throws RegistryFormatException {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RegistryDate.parse(value).orElseThrow(() -> new RegistryFormatException(sourceName
                + ": record at line " + line + " has " + attribute + "=\"" + value
                + "\", expected YYYY, YYYY-MM or YYYY-MM-DD"));
    }

    private PortRange ports(String text, int line) throws RegistryFormatException {
        return IanaNumbers.parseRange(text).orElseThrow(() -> new RegistryFormatException(sourceName
                + ": record at line " + line + " has port number \"" + text.strip()
                + "\", expected a port 0-65535 or a range such as 6000-6063"));
    }

    private static List<String> personRefs(XMLStreamReader r) throws XMLStreamException {
        List<String> ids = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("xref")) {
                    String data = attr(r, "data");
                    if (!data.isBlank()) {
                        ids.add(data);
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return ids;
    }

    private static Person readPerson(XMLStreamReader r) throws XMLStreamException {
        String id = attr(r, "id");
        String name = null;
        String org = null;
        String uri = null;
        LocalDate updated = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> name = r.getElementText().strip();
                case "org" -> org = r.getElementText().strip();
                case "uri" -> {
                    String u = r.getElementText().strip();
                    if (!u.regionMatches(true, 0, "mailto:", 0, 7) && !u.isEmpty()) {
                        uri = u;
                    }
                }
                case "updated" -> updated = RegistryDate.parse(r.getElementText())
                        .flatMap(RegistryDate::toLocalDate).orElse(null);
                default -> skip(r);
            }
        }
        boolean organisation = name == null && org != null;
        String shown = name != null ? name : org != null ? org : Person.unresolved(id).name();
        return new Person(id, shown, organisation, uri, updated);
    }

    /** Reads an element's mixed content; inline xrefs read as in the CSV, {@code <br/>} as a line end. */
    private static String readMixed(XMLStreamReader r) throws XMLStreamException {
        StringBuilder s = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        s.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    String n = r.getLocalName();
                    if (n.equals("xref")) {
                        String type = attr(r, "type");
                        String data = attr(r, "data");
                        String text = r.getElementText().strip();
                        s.append(IanaText.inlineXref(type, data, text));
                    } else if (n.equals("br")) {
                        s.append(' ');
                        depth++;
                    } else {
                        depth++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // comments and processing instructions carry no registry text
                }
            }
        }
        return IanaText.normalize(s.toString());
    }

    /** Moves to the next child element of the current element; false at the current element's end. */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v;
    }
}
