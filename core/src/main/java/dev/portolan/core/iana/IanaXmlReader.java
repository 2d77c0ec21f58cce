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
 * refused, and external entities are never resolved; an HTML page is named as such. The reader
 * keeps what the XML records; e-mail addresses of the people list are dropped.
 *
 * <p>Elements that hold text ({@code <name>}, {@code <number>}, {@code <updated>}...) may hold no
 * element; those with running text ({@code <description>}, {@code <note>}, {@code <unauthorized>},
 * {@code <footnote>}) only {@code <xref>}, {@code <br/>} and, not nested, {@code <paragraph>} and
 * {@code <artwork>}. No text or attribute may be longer than {@link IanaText#MAX_FIELD_CHARS}
 * characters. Anything else is refused, naming the element and its line.
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
        // Not coalescing: the parser hands long text over in pieces, so a text past the limit is
        // refused after one piece more than the limit, not after the parser buffered all of it.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Replacing, so that a reference to an undeclared entity is a parse error rather than an
        // event to be missed. Without a DTD no entity is ever declared: nothing gets replaced.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
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
                if (RegistryFileReader.isHtml(r.getText())) {
                    throw RegistryFileReader.htmlPage(sourceName);
                }
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
                if (name.equalsIgnoreCase("html")) {
                    throw RegistryFileReader.htmlPage(sourceName);
                }
                if (!name.equals("registry") || !REGISTRY_ID.equals(id)) {
                    throw new RegistryFormatException(sourceName + ": not the IANA port registry (root element <"
                            + IanaText.excerpt(name) + (id == null ? "" : " id=\"" + IanaText.excerpt(id) + "\"")
                            + ">, expected <registry id=\""
                            + REGISTRY_ID + "\">)");
                }
                continue;
            }
            switch (name) {
                case "updated" -> {
                    String text = readText(r);
                    depth--;
                    if (depth == 1) {
                        updated = RegistryDate.parse(text).flatMap(RegistryDate::toLocalDate).orElseThrow(
                                () -> new RegistryFormatException(sourceName + ": registry <updated> is \""
                                        + IanaText.excerpt(text.strip()) + "\", expected a date YYYY-MM-DD"));
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
                    String anchor = attrOrNull(r, "anchor");
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
        b.registered(date(attrOrNull(r, "date"), "date", line));
        b.modified(date(attrOrNull(r, "updated"), "updated", line));
        List<String> contacts = new ArrayList<>();
        List<String> assignees = new ArrayList<>();
        boolean described = false;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> b.service(readText(r).strip());
                case "protocol" -> {
                    String p = readText(r).strip();
                    if (!p.isEmpty()) {
                        b.transport(Transport.parse(p).orElseThrow(() -> new RegistryFormatException(sourceName
                                + ": record at line " + line + " has protocol \"" + IanaText.excerpt(p)
                                + "\", expected tcp, udp, sctp or dccp")));
                    }
                }
                case "number" -> b.ports(ports(readText(r), line));
                case "description" -> {
                    b.description(readMixed(r));
                    described = true;
                }
                case "assignee" -> assignees.addAll(personRefs(r));
                case "contact" -> contacts.addAll(personRefs(r));
                case "xref" -> {
                    String type = attr(r, "type");
                    String data = attr(r, "data");
                    String text = readText(r).strip();
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
                case "sc" -> b.serviceCode(readText(r).strip());
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
                + ": record at line " + line + " has " + attribute + "=\"" + IanaText.excerpt(value)
                + "\", expected YYYY, YYYY-MM or YYYY-MM-DD"));
    }

    private PortRange ports(String text, int line) throws RegistryFormatException {
        return IanaNumbers.parseRange(text).orElseThrow(() -> new RegistryFormatException(sourceName
                + ": record at line " + line + " has port number \"" + IanaText.excerpt(text.strip())
                + "\", expected a port 0-65535 or a range such as 6000-6063"));
    }

    private List<String> personRefs(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
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

    private Person readPerson(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
        String id = attr(r, "id");
        String name = null;
        String org = null;
        String uri = null;
        LocalDate updated = null;
        while (nextChild(r)) {
            switch (r.getLocalName()) {
                case "name" -> name = readText(r).strip();
                case "org" -> org = readText(r).strip();
                case "uri" -> {
                    String u = readText(r).strip();
                    if (!u.regionMatches(true, 0, "mailto:", 0, 7) && !u.isEmpty()) {
                        uri = u;
                    }
                }
                case "updated" -> updated = RegistryDate.parse(readText(r))
                        .flatMap(RegistryDate::toLocalDate).orElse(null);
                default -> skip(r);
            }
        }
        boolean organisation = name == null && org != null;
        String shown = name != null ? name : org != null ? org : Person.unresolved(id).name();
        return new Person(id, shown, organisation, uri, updated);
    }

    /**
     * Reads an element's running text; inline xrefs read as in the CSV, {@code <br/>} as a line end,
     * and the text of {@code <paragraph>} and {@code <artwork>} blocks (IANA's notes have the first)
     * as it stands. Any other element is refused: IANA's files have none, and flattening them would
     * import whatever markup a file holds as text.
     */
    private String readMixed(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
        StringBuilder s = new StringBuilder();
        appendMixed(r, s, r.getLocalName(), r.getLocation().getLineNumber(), true);
        return IanaText.normalize(s.toString());
    }

    /**
     * Appends running text up to the end of the current element; {@code blocks} says whether a
     * block may start here (blocks do not nest). {@code element} and {@code line} are those of
     * the field, for messages.
     */
    private void appendMixed(XMLStreamReader r, StringBuilder s, String element, int line, boolean blocks)
            throws XMLStreamException, RegistryFormatException {
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        s.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> {
                    String n = r.getLocalName();
                    if (n.equals("xref")) {
                        String type = attr(r, "type");
                        String data = attr(r, "data");
                        String text = readText(r).strip();
                        s.append(IanaText.inlineXref(type, data, text));
                    } else if (n.equals("br")) {
                        s.append(' ').append(readText(r));
                    } else if (blocks && (n.equals("paragraph") || n.equals("artwork"))) {
                        appendMixed(r, s, element, line, false);
                    } else {
                        throw nestedElement(element, line, r, blocks
                                ? "text, <xref>, <br/>, <paragraph> and <artwork> only"
                                : "text, <xref> and <br/> only");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                default -> {
                    // comments and processing instructions carry no registry text
                }
            }
            checkLength(s, element, line);
        }
    }

    /**
     * Reads the text of an element that holds text only, as {@link XMLStreamReader#getElementText}
     * does, but refusing an element inside and a text past the limit with messages of this reader.
     */
    private String readText(XMLStreamReader r) throws XMLStreamException, RegistryFormatException {
        String element = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        StringBuilder s = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        s.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> throw nestedElement(element, line, r, "text only");
                case XMLStreamConstants.END_ELEMENT -> {
                    return s.toString();
                }
                default -> {
                    // comments and processing instructions carry no registry text
                }
            }
            checkLength(s, element, line);
        }
    }

    private RegistryFormatException nestedElement(String element, int line, XMLStreamReader r, String expected) {
        return new RegistryFormatException(sourceName + ": <" + element + "> at line " + line + " holds an element <"
                + IanaText.excerpt(r.getLocalName()) + "> (line " + r.getLocation().getLineNumber() + "), expected "
                + expected);
    }

    private void checkLength(CharSequence text, String element, int line) throws RegistryFormatException {
        if (text.length() > IanaText.MAX_FIELD_CHARS) {
            throw new RegistryFormatException(sourceName + ": <" + element + "> at line " + line + " is longer than "
                    + IanaText.MAX_FIELD_CHARS + " characters, the limit for one field; it is not the registry, "
                    + "or it is damaged");
        }
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

    private String attr(XMLStreamReader r, String name) throws RegistryFormatException {
        String v = attrOrNull(r, name);
        return v == null ? "" : v;
    }

    /** An attribute of the current element, null when absent; refused past the limit of a field. */
    private @Nullable String attrOrNull(XMLStreamReader r, String name) throws RegistryFormatException {
        String v = r.getAttributeValue(null, name);
        if (v != null && v.length() > IanaText.MAX_FIELD_CHARS) {
            throw new RegistryFormatException(sourceName + ": attribute " + name + " of <" + r.getLocalName()
                    + "> at line " + r.getLocation().getLineNumber() + " is longer than " + IanaText.MAX_FIELD_CHARS
                    + " characters, the limit for one field; it is not the registry, or it is damaged");
        }
        return v;
    }
}
