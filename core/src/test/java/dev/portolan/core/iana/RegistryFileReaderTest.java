package dev.portolan.core.iana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.core.testsupport.HostileFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture registry in both formats, and files that are not a registry. */
class RegistryFileReaderTest {
    private static final String XML_HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n";
    private static final String REGISTRY_OPEN =
            "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n";
    private static final String IANA_PAGE = "https://www.iana.org/assignments/service-names-port-numbers/";
    private static final String HTML_PAGE = "is an HTML page, not the IANA port registry; download "
            + "service-names-port-numbers.xml (or .csv) from " + IANA_PAGE;
    private static final String CSV_HEADER = "Service Name,Port Number,Transport Protocol,Description,Assignee,"
            + "Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,"
            + "Assignment Notes";

    @TempDir
    Path dir;

    @Test
    void xml_readsEveryRecordInRegistryOrderWithTheRegistryDate() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(s.assignments()).hasSize(Fixtures.RECORDS);
        assertThat(s.info().source()).isEqualTo(SnapshotInfo.Source.IANA_XML);
        assertThat(s.info().label()).isEqualTo(Fixtures.path(Fixtures.XML).toString());
        assertThat(s.info().updated()).isEqualTo(LocalDate.parse(Fixtures.XML_UPDATED));
        assertThat(s.info().importedAt()).isNull();
        assertThat(s.assignments().get(0)).isEqualTo(Assignment.builder().ports(PortRange.of(0))
                .transport(Transport.TCP).description("Reserved").modified(new RegistryDate(2024, 12, 20))
                .reference(Reference.rfc("rfc6335")).build());
        assertThat(s.assignments()).last().extracting(Assignment::service).isEqualTo("argon");
    }

    @Test
    void xml_inlineXrefsInNotesAndUnauthorizedUseReadAsInTheCsv() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(record(s, null, 2, Transport.TCP).notes())
                .containsExactly("De-assigned on 2025-02-13, previously quillnet by [Quentin_Marsh]");
        assertThat(record(s, "mailcheck", 79, Transport.TCP).unauthorized())
                .containsExactly("Unauthorized use by some mail users (see [RFC4146] for details)");
        assertThat(record(s, "ssh", 22, Transport.TCP).notes())
                .containsExactly("Defined TXT keys: u=<username> p=<password>");
    }

    @Test
    void xml_personXrefOutsideAssignee_isContactAndAssignee() {
        Assignment tally = record(Fixtures.xml(), "tally", 7, Transport.TCP);
        assertThat(tally.assignees()).containsExactly("Ada_Lovelace");
        assertThat(tally.contacts()).containsExactly("Ada_Lovelace");
        Assignment nntp = record(Fixtures.xml(), "nntp", 119, Transport.TCP);
        assertThat(nntp.assignees()).containsExactly("IESG");
        assertThat(nntp.contacts()).containsExactly("IETF_Chair");
    }

    @Test
    void xml_recordWithEveryField_keepsEachOne() {
        Assignment webcast = record(Fixtures.xml(), "webcast", 8123, Transport.TCP);
        assertThat(webcast.description()).isEqualTo("Web & Cast Relay for caf\u00e9 kiosks");
        assertThat(webcast.assignees()).containsExactly("Example_Media");
        assertThat(webcast.contacts()).containsExactly("Lin_Okafor");
        assertThat(webcast.registered()).isEqualTo(new RegistryDate(2001, 5, 0));
        assertThat(webcast.modified()).isEqualTo(new RegistryDate(2019, 12, 16));
        assertThat(webcast.references()).containsExactly(new Reference(Reference.Kind.DRAFT, "draft-example-webcast-07"));
        assertThat(webcast.notes()).containsExactly("Defined TXT keys: path=<path>, kiosk=<id> Known Subtypes: _kiosk");
        assertThat(webcast.status()).isEqualTo(AssignmentStatus.ASSIGNED);
    }

    @Test
    void xml_referencesOfEveryKind_keepTheirKindAndOrder() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(record(s, "lightpath", 7209, Transport.TCP).references()).containsExactly(
                new Reference(Reference.Kind.URI, "https://example.org/specs/icp.pdf"),
                new Reference(Reference.Kind.TEXT, "The coordination protocol is a peer-to-peer protocol with\n"
                        + "      a binary message format."));
        assertThat(record(s, "exp1", 1021, Transport.TCP).references()).containsExactly(
                new Reference(Reference.Kind.FOOTNOTE, "1"), Reference.rfc("RFC4727"));
        assertThat(record(s, "relay-ctl", 48999, Transport.TCP).references()).containsExactly(
                new Reference(Reference.Kind.DRAFT, "RFC-ietf-relay-ctl-12"), Reference.rfc("RFC8999"));
        assertThat(record(s, "new-who", 550, Transport.TCP).references())
                .containsExactly(new Reference(Reference.Kind.TEXT, "n/a"));
        assertThat(s.footnote("1")).contains("It is only appropriate to use these values in explicitly- "
                + "configured experiments; they MUST NOT be shipped as defaults.");
    }

    @Test
    void xml_multiLineDescription_keepsItsLineBreak() {
        assertThat(record(Fixtures.xml(), "lightpath", 7209, Transport.TCP).description())
                .isEqualTo("Inter-Channel Coordination Protocol for multi-wavelength optical systems");
    }

    @Test
    void xml_recordsWithoutProtocolOrNumber_keepThemNull() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(s.assignments()).filteredOn(a -> a.transport() == null)
                .extracting(a -> a.ports() == null ? null : a.ports().first(), Assignment::description)
                .containsExactly(tuple(51, "Reserved"),
                        tuple(100, "Unassigned"),
                        tuple(null, "ARGON Protocol"));
        assertThat(s.assignments()).filteredOn(a -> a.ports() == null).extracting(Assignment::service)
                .containsExactly("push-notify", "argon");
        assertThat(record(s, null, 100, null).unauthorized()).containsExactly("Known Unauthorized Use on 100");
    }

    @Test
    void xml_statusFollowsTheDescriptionInAnyCase() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(record(s, null, 3, Transport.UDP).status()).isEqualTo(AssignmentStatus.UNASSIGNED);
        assertThat(record(s, null, 3, Transport.TCP).status()).isEqualTo(AssignmentStatus.UNASSIGNED);
        assertThat(record(s, null, 0, Transport.TCP).status()).isEqualTo(AssignmentStatus.RESERVED);
        assertThat(record(s, "tally", 7, Transport.DCCP).serviceCodes()).containsExactly("1414483020");
        assertThat(record(s, "gridview", 6000, Transport.UDP).ports()).isEqualTo(new PortRange(6000, 6063));
    }

    @Test
    void xml_peopleList_resolvesNamesAndNeverKeepsEmailAddresses() {
        RegistrySnapshot s = Fixtures.xml();
        assertThat(s.people()).hasSize(6);
        assertThat(s.person("Ada_Lovelace")).isEqualTo(
                new Person("Ada_Lovelace", "Ada Lovelace", false, null, LocalDate.of(2019, 3, 4)));
        assertThat(s.person("IESG")).isEqualTo(new Person("IESG", "IESG", true, null, null));
        assertThat(s.person("Example_Media")).isEqualTo(
                new Person("Example_Media", "Example Media Inc.", true, "https://media.example.org/", null));
        assertThat(s.person("Lin_Okafor")).isEqualTo(
                new Person("Lin_Okafor", "Lin Okafor", false, null, LocalDate.of(2019, 12, 16)));
        assertThat(s.people().values()).allSatisfy(p -> {
            if (p.uri() != null) {
                assertThat(p.uri()).doesNotStartWithIgnoringCase("mailto:");
            }
        });
        assertThat(s.person("Rosa_Stewart")).isEqualTo(Person.unresolved("Rosa_Stewart"));
    }

    @Test
    void csv_fixture_givesTheSameAssignmentsAsTheXml() {
        RegistrySnapshot xml = Fixtures.xml();
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV);
        assertThat(csv.assignments()).hasSize(Fixtures.RECORDS);
        for (int i = 0; i < xml.assignments().size(); i++) {
            assertThat(csv.assignments().get(i)).as("record %d", i).isEqualTo(xml.assignments().get(i));
        }
        assertThat(csv.assignments()).isEqualTo(xml.assignments());
    }

    @Test
    void csv_fixture_hasNoPeopleListNoFootnotesAndNoRegistryDate() {
        // IANA's CSV carries neither the <people> list, the footnote texts, nor the <updated> date of the XML:
        // people resolve by identifier only, and the release date is unknown.
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV);
        assertThat(csv.info().source()).isEqualTo(SnapshotInfo.Source.IANA_CSV);
        assertThat(csv.info().updated()).isNull();
        assertThat(csv.people()).isEmpty();
        assertThat(csv.footnotes()).isEmpty();
        assertThat(csv.person("Lin_Okafor")).isEqualTo(Person.unresolved("Lin_Okafor"));
    }

    @Test
    void csv_quotedFieldsSpanningLinesAndDoubledQuotes_areRead() {
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV);
        assertThat(record(csv, "tallyd", 7, Transport.TCP).notes()).containsExactly(
                "This is a duplicate of the \"tally\" service and should not be used for discovery purposes.");
        assertThat(record(csv, "lightpath", 7209, Transport.TCP).description())
                .isEqualTo("Inter-Channel Coordination Protocol for multi-wavelength optical systems");
    }

    @Test
    void csv_withByteOrderMarkOrBareLineFeeds_readsTheSame() throws RegistryFormatException {
        String text = Fixtures.text(Fixtures.CSV);
        List<Assignment> expected = Fixtures.read(Fixtures.CSV).assignments();
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(Fixtures.readBytes(bom, "bom.csv").assignments()).isEqualTo(expected);
        byte[] lf = text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Fixtures.readBytes(lf, "lf.csv").assignments()).isEqualTo(expected);
    }

    @Test
    void csv_headerOnly_isAnEmptyRegistry() throws RegistryFormatException {
        assertThat(Fixtures.readBytes((CSV_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8), "h.csv").assignments())
                .isEmpty();
    }

    @Test
    void gzip_xmlAndCsv_readAsTheirUncompressedForm() throws Exception {
        List<Assignment> expected = Fixtures.xml().assignments();
        assertThat(Fixtures.readBytes(Fixtures.gzip(Fixtures.bytes(Fixtures.XML)), "r.xml.gz").assignments())
                .isEqualTo(expected);
        assertThat(Fixtures.readBytes(Fixtures.gzip(Fixtures.bytes(Fixtures.CSV)), "r.csv.gz").assignments())
                .isEqualTo(expected);
        Path gz = dir.resolve("registry.bin");
        Files.write(gz, Fixtures.gzip(Fixtures.bytes(Fixtures.XML)));
        RegistrySnapshot fromFile = RegistryFileReader.read(gz);
        assertThat(fromFile.assignments()).isEqualTo(expected);
        assertThat(fromFile.info().updated()).isEqualTo(LocalDate.parse(Fixtures.XML_UPDATED));
        assertThat(fromFile.info().label()).isEqualTo(gz.toString());
    }

    @Test
    void read_missingFile_saysSo() {
        Path missing = dir.resolve("missing.xml");
        assertThatThrownBy(() -> RegistryFileReader.read(missing)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void read_directory_saysSo() {
        assertThatThrownBy(() -> RegistryFileReader.read(dir)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(dir + ": is a directory, expected an IANA registry file (XML or CSV)");
    }

    @Test
    void read_emptyOrBlankFile_saysItIsEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.xml"));
        assertThatThrownBy(() -> RegistryFileReader.read(empty)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(empty + ": the file is empty, expected an IANA registry (XML or CSV)");
        Path blank = Files.writeString(dir.resolve("blank.csv"), " \r\n\t\n");
        assertThatThrownBy(() -> RegistryFileReader.read(blank)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(blank + ": the file is empty, expected an IANA registry (XML or CSV)");
        assertInvalid(Fixtures.gzip(new byte[0]), "g.gz", "g.gz: the file is empty, expected an IANA registry (XML or CSV)");
    }

    @Test
    void read_xmlCutMidRecord_isNotWellFormed() {
        String text = Fixtures.text(Fixtures.XML);
        String cut = text.substring(0, text.indexOf("<name>gridview</name>") + "<name>grid".length());
        int lastLine = cut.split("\n", -1).length;
        assertInvalid(cut.getBytes(StandardCharsets.UTF_8), "cut.xml", "cut.xml: not well-formed XML at line " + lastLine
                + ": XML document structures must start and end within the same entity.");
    }

    @Test
    void read_xmlCutAfterARecord_isNotWellFormed() {
        String text = Fixtures.text(Fixtures.XML);
        String cut = text.substring(0, text.indexOf("</record>") + "</record>\n".length());
        assertThatThrownBy(() -> Fixtures.readBytes(cut.getBytes(StandardCharsets.UTF_8), "cut.xml"))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("cut.xml: not well-formed XML at line ");
    }

    @Test
    void read_xmlWithDoctype_isRefused() {
        String doc = XML_HEAD + "<!DOCTYPE registry>\n" + REGISTRY_OPEN + "</registry>\n";
        assertInvalid(doc, "dtd.xml", "dtd.xml: the document declares a DTD (line 2); "
                + "IANA registry files have none, so it is refused");
    }

    @Test
    void read_xmlWithExternalEntityToEtcPasswd_isRefusedWithoutReadingIt() {
        String doc = XML_HEAD + "<!DOCTYPE registry [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
                + REGISTRY_OPEN + "<record><name>leak</name><protocol>tcp</protocol><description>&x;</description>"
                + "<number>1</number></record>\n</registry>\n";
        Throwable thrown = catchReadFailure(doc.getBytes(StandardCharsets.UTF_8), "xxe.xml");
        assertThat(thrown).isInstanceOf(RegistryFormatException.class).hasMessage("xxe.xml: the document declares "
                + "a DTD (line 4); IANA registry files have none, so it is refused");
        assertThat(messages(thrown)).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void read_xmlWithExternalOrParameterEntities_neverShowsTheirContent() throws Exception {
        String secret = "SECRET-CONTENT-" + Long.toHexString(System.nanoTime());
        Path target = Files.writeString(dir.resolve("secret.txt"), secret + "\n");
        String uri = target.toUri().toString();
        List<String> doctypes = List.of(
                "<!DOCTYPE registry [<!ENTITY x SYSTEM \"" + uri + "\">]>",
                "<!DOCTYPE registry [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>",
                "<!DOCTYPE registry SYSTEM \"" + uri + "\">",
                "<!DOCTYPE registry [<!ENTITY a \"&x;&x;&x;&x;\"><!ENTITY x SYSTEM \"" + uri + "\">]>");
        for (String doctype : doctypes) {
            String doc = XML_HEAD + doctype + "\n" + REGISTRY_OPEN + "<record><name>leak</name>"
                    + "<description>&x;</description><number>1</number><note>&x;</note></record>\n</registry>\n";
            Throwable thrown = catchReadFailure(doc.getBytes(StandardCharsets.UTF_8), "xxe.xml");
            assertThat(thrown).as(doctype).isInstanceOf(RegistryFormatException.class)
                    .hasMessageContaining("declares a DTD");
            assertThat(messages(thrown)).as(doctype).doesNotContain(secret);
        }
    }

    @Test
    void read_doctypeWithAControlCharacter_isRefusedAsRegistryFormatException() {
        for (String doc : List.of("<!DOCTYPE registry [\u0000", "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY 7 Z\u0001x")) {
            assertThatThrownBy(() -> Fixtures.readBytes(doc.getBytes(StandardCharsets.UTF_8), "nul.xml"))
                    .isInstanceOf(RegistryFormatException.class).hasMessageStartingWith("nul.xml: ");
        }
    }

    @Test
    void read_xmlWithAnInvalidUtf8Byte_isRefusedWithoutPrintingToStandardError() {
        byte[] latin1 = (XML_HEAD + REGISTRY_OPEN + "<record><name>caf\u00e9</name></record>\n</registry>\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> Fixtures.readBytes(latin1, "latin1.xml")).isInstanceOf(RegistryFormatException.class)
                    .hasMessageStartingWith("latin1.xml: not UTF-8 text at line ")
                    .hasMessageEndingWith("; IANA publishes the registry in UTF-8");
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void read_xmlWithAnUndeclaredEntity_isRefused() {
        String doc = XML_HEAD + REGISTRY_OPEN + "<record><name>x</name><description>&x;</description></record>\n"
                + "</registry>\n";
        assertInvalid(doc, "ent.xml", "ent.xml: not well-formed XML at line 3: The entity \"x\" was referenced, "
                + "but not declared.");
    }

    @Test
    void read_xmlOfAnotherRegistry_isRefused() {
        String doc = XML_HEAD + "<registry xmlns=\"http://www.iana.org/assignments\" id=\"protocol-numbers\">\n"
                + "<updated>2025-01-01</updated>\n</registry>\n";
        assertInvalid(doc, "proto.xml", "proto.xml: not the IANA port registry (root element "
                + "<registry id=\"protocol-numbers\">, expected <registry id=\"service-names-port-numbers\">)");
        assertInvalid("<html><body>Not found</body></html>", "page.xml", "page.xml: is an HTML page, not the IANA port "
                + "registry; download service-names-port-numbers.xml (or .csv) from " + IANA_PAGE);
    }

    @Test
    void read_textThatIsNoRegistry_isRefusedQuotingItsStart() {
        assertInvalid("hello world\nsecond line", "notes.txt", "notes.txt: not an IANA port registry "
                + "(starts with \"hello world\"); expected the XML or CSV file of service-names-port-numbers");
        assertInvalid("x".repeat(100), "long.txt", "long.txt: not an IANA port registry (starts with \""
                + "x".repeat(60) + "...\"); expected the XML or CSV file of service-names-port-numbers");
        assertInvalid("\u0001\u0002bin", "bin", "bin: not an IANA port registry (starts with \"??bin\"); "
                + "expected the XML or CSV file of service-names-port-numbers");
    }

    @Test
    void read_csvWithAnotherHeader_isRefused() {
        assertInvalid("Service Name,Port Number,Protocol\r\nssh,22,tcp\r\n", "other.csv",
                "other.csv: not the IANA port registry CSV (header is \"Service Name,Port Number,Protocol\", "
                        + "expected \"" + CSV_HEADER + "\")");
    }

    @Test
    void read_csvWithABadPort_namesTheLineWhereTheRecordStarts() {
        String csv = CSV_HEADER + "\r\n"
                + "lightpath,7209,tcp,\"two\nlines\",,,,,,,,\r\n"
                + "bad,70000,tcp,Bad,,,,,,,,\r\n";
        assertInvalid(csv, "bad.csv", "bad.csv: line 4 has port number \"70000\", expected a port 0-65535 "
                + "or a range such as 6000-6063");
        assertInvalid(CSV_HEADER + "\nbad,6063-6000,tcp,Bad,,,,,,,,\n", "rev.csv", "rev.csv: line 2 has port number "
                + "\"6063-6000\", expected a port 0-65535 or a range such as 6000-6063");
    }

    @Test
    void read_csvWithABadProtocolOrDate_namesTheLine() {
        assertInvalid(CSV_HEADER + "\nrtmp,1,ddp,Routing,,,,,,,,\n", "p.csv",
                "p.csv: line 2 has protocol \"ddp\", expected tcp, udp, sctp or dccp");
        assertInvalid(CSV_HEADER + "\nx,1,tcp,X,,,2020-13-01,,,,,\n", "d.csv",
                "d.csv: line 2 has registration date \"2020-13-01\", expected YYYY, YYYY-MM or YYYY-MM-DD");
        assertInvalid(CSV_HEADER + "\nx,1,tcp,X,,,,June 2020,,,,\n", "d.csv",
                "d.csv: line 2 has modification date \"June 2020\", expected YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void read_csvWithMissingFieldsOrAnOpenQuote_isMalformed() {
        assertInvalid(CSV_HEADER + "\nx,1,tcp\n", "short.csv", "short.csv: malformed CSV in the record starting at "
                + "line 2: record 2 has 3 fields, but first record had 12 fields");
        assertInvalid(CSV_HEADER + "\nx,1,tcp,\"open,,,,,,,,\n", "open.csv", "open.csv: malformed CSV in the record "
                + "starting at line 2: record 2 has 4 fields, but first record had 12 fields");
    }

    /**
     * Regression: FastCSV's failures read "malformed CSV: Exception when reading record that
     * started in line N", without the reason, which FastCSV gives in the cause.
     */
    @Test
    void csvError_givesTheRecordLineAndFastCsvsReason_notJustExceptionWhenReadingRecord() {
        String good = "ssh,22,tcp,SSH,,,,,,,,\r\n";
        assertInvalid(CSV_HEADER + "\r\n" + good + "x,1,tcp,\"a\"b,,,,,,,,\r\n", "quote.csv", "quote.csv: malformed CSV "
                + "in the record starting at line 3: unexpected character after closing quote: 'b' (0x62)");
        assertInvalid(CSV_HEADER + "\r\n" + good + good + "x,1,tcp,d,,,,,,,,,extra\r\n", "wide.csv", "wide.csv: "
                + "malformed CSV in the record starting at line 4: record 4 has 13 fields, but first record had 12 fields");
        assertInvalid(CSV_HEADER + "\r\n" + ",".repeat(100) + "\r\n", "commas.csv", "commas.csv: malformed CSV in the "
                + "record starting at line 2: record starting at line 2 has surpassed the maximum limit of 64 fields");
    }

    @Test
    void read_xmlRecordWithABadNumberProtocolOrDate_namesTheRecordLine() {
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record>\n<number>70000</number></record>\n</registry>\n", "n.xml",
                "n.xml: record at line 3 has port number \"70000\", expected a port 0-65535 or a range such as 6000-6063");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "\n<record><protocol>ddp</protocol></record>\n</registry>\n", "p.xml",
                "p.xml: record at line 4 has protocol \"ddp\", expected tcp, udp, sctp or dccp");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record date=\"2020-02-30\"></record>\n</registry>\n", "d.xml",
                "d.xml: record at line 3 has date=\"2020-02-30\", expected YYYY, YYYY-MM or YYYY-MM-DD");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<updated>2025-12</updated>\n</registry>\n", "u.xml",
                "u.xml: registry <updated> is \"2025-12\", expected a date YYYY-MM-DD");
    }

    @Test
    void read_truncatedGzip_isRefused() {
        byte[] gz = Fixtures.gzip(Fixtures.bytes(Fixtures.XML));
        assertInvalid(Arrays.copyOf(gz, 2), "two.gz", "two.gz: the file ends early (truncated download?)");
        assertInvalid(Arrays.copyOf(gz, 40), "short.gz", "short.gz: the file ends early (truncated download?)");
        assertThatThrownBy(() -> Fixtures.readBytes(Arrays.copyOf(gz, gz.length - 9), "cut.gz"))
                .isInstanceOf(RegistryFormatException.class).hasMessageStartingWith("cut.gz: ");
    }

    @Test
    void read_damagedGzipHeader_cannotBeRead() {
        byte[] gz = Fixtures.gzip(Fixtures.bytes(Fixtures.XML));
        gz[2] = 7;
        assertInvalid(gz, "bad.gz", "bad.gz: could not be read: Unsupported compression method");
    }

    @Test
    void xml_emptyNoteAndUnauthorizedElements_readAsNoEntry() throws RegistryFormatException {
        String xml = XML_HEAD + REGISTRY_OPEN + "<record date=\"2018-07-06\"><name>printq</name><protocol>tcp</protocol>"
                + "<description>Print Queue</description><number>6310</number><note/><unauthorized/></record>\n"
                + "</registry>\n";
        String csv = CSV_HEADER + "\r\nprintq,6310,tcp,Print Queue,,,2018-07-06,,,,,\r\n";
        Assignment fromXml = Fixtures.readBytes(xml.getBytes(StandardCharsets.UTF_8), "e.xml").assignments().get(0);
        assertThat(fromXml.notes()).isEmpty();
        assertThat(fromXml.unauthorized()).isEmpty();
        assertThat(fromXml).isEqualTo(Fixtures.readBytes(csv.getBytes(StandardCharsets.UTF_8), "e.csv").assignments().get(0));
    }

    @Test
    void xmlAndCsv_descriptionWithLineBreakElements_readTheSame() throws RegistryFormatException {
        // The shapes of IANA's own files: in the XML a <br/><br/> and a line end, in the CSV one space.
        String xml = XML_HEAD + REGISTRY_OPEN + "<record><name>tallyview</name><protocol>tcp</protocol>"
                + "<description>tally/view<br/><br/>\nIANA assigned this well-formed service name as a replacement "
                + "for \"tally/view\".</description><number>7070</number>"
                + "<note>The UDP port was assigned earlier for\n      \"tally\", prior to this\n      RFC.</note>"
                + "</record>\n</registry>\n";
        String csv = CSV_HEADER + "\r\ntallyview,7070,tcp,\"tally/view IANA assigned this well-formed service name as "
                + "a replacement for \"\"tally/view\"\".\",,,,,,,,\"The UDP port was assigned earlier for "
                + "\"\"tally\"\", prior to this RFC.\"\r\n";
        assertThat(Fixtures.readBytes(xml.getBytes(StandardCharsets.UTF_8), "br.xml").assignments())
                .isEqualTo(Fixtures.readBytes(csv.getBytes(StandardCharsets.UTF_8), "br.csv").assignments());
    }

    // ---- HTML pages ------------------------------------------------------------------------------

    /**
     * Regression: an HTML page given to import was said to "declare a DTD" (its
     * {@code <!DOCTYPE html>}); it is now called an HTML page, with where to get the registry.
     */
    @Test
    void htmlPage_isCalledAnHtmlPage_notADocumentThatDeclaresADtd() {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>IANA</title></head>\n"
                + "<body><p>Service Name and Transport Protocol Port Number Registry&nbsp;</p></body></html>\n";
        assertInvalid(page, "page.xml", "page.xml: " + HTML_PAGE);
        assertInvalid("\uFEFF<?xml version=\"1.0\"?>\n<!-- saved by a browser -->\n<!doctype HTML PUBLIC \"-//W3C//DTD "
                + "HTML 4.01//EN\">\n<p>", "old.html", "old.html: " + HTML_PAGE);
        assertInvalid("<?xml version=\"1.0\"?>\n<HTML xmlns=\"http://www.w3.org/1999/xhtml\"><body/></HTML>\n", "x.html",
                "x.html: " + HTML_PAGE);
        assertInvalid(Fixtures.gzip("<html>\n<body>Log in</body></html>".getBytes(StandardCharsets.UTF_8)), "p.gz",
                "p.gz: " + HTML_PAGE);
    }

    @Test
    void htmlPageBehindALongComment_isStillCalledAnHtmlPage() {
        // past the 4 KiB that tell the format: the XML reader itself tells the page
        String comment = "<!--" + "x".repeat(5000) + "-->\n";
        assertInvalid(comment + "<html><body>Not found</body></html>\n", "root.html", "root.html: " + HTML_PAGE);
        assertInvalid(comment + "<!DOCTYPE html>\n<html><body>Not found</body></html>\n", "dtd.html",
                "dtd.html: " + HTML_PAGE);
    }

    @Test
    void doctypeOfAnotherDocument_isStillADtd() {
        assertInvalid(XML_HEAD + "<!DOCTYPE htmlish>\n" + REGISTRY_OPEN + "</registry>\n", "dtd.xml",
                "dtd.xml: the document declares a DTD (line 2); IANA registry files have none, so it is refused");
    }

    // ---- elements inside text --------------------------------------------------------------------

    /**
     * Regression: a million elements nested inside a {@code <description>} were flattened into its
     * text and imported. The first element that IANA's running text cannot hold is refused.
     */
    @Test
    void elementsNestedInADescription_areRefusedNamingTheElementAndLine_notFlattened() {
        int n = 1_000_000;
        String doc = XML_HEAD + REGISTRY_OPEN + "<record><name>deep</name><protocol>tcp</protocol><number>1</number>\n"
                + "<description>Deep\n" + "<b>".repeat(n) + "text" + "</b>".repeat(n) + "</description></record>\n"
                + "</registry>\n";
        assertInvalid(doc, "deep.xml", "deep.xml: <description> at line 4 holds an element <b> (line 5), expected text, "
                + "<xref>, <br/>, <paragraph> and <artwork> only");
    }

    @Test
    void elementInsideAnElementOfTextOnly_isRefusedNamingTheElementAndLine() {
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record>\n<name>ssh<i>x</i></name></record>\n</registry>\n", "n.xml",
                "n.xml: <name> at line 4 holds an element <i> (line 4), expected text only");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record><note>See\n<xref type=\"rfc\" data=\"rfc4251\">\n<b/></xref>"
                + "</note></record>\n</registry>\n", "x.xml",
                "x.xml: <xref> at line 4 holds an element <b> (line 5), expected text only");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<updated>2025-<u/>01-01</updated>\n</registry>\n", "u.xml",
                "u.xml: <updated> at line 3 holds an element <u> (line 3), expected text only");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record><note><paragraph>a<paragraph>b</paragraph></paragraph></note>"
                + "</record>\n</registry>\n", "p.xml",
                "p.xml: <note> at line 3 holds an element <paragraph> (line 3), expected text, <xref> and <br/> only");
    }

    @Test
    void paragraphsOfANote_readAsItsText() throws RegistryFormatException {
        String xml = XML_HEAD + REGISTRY_OPEN + "<record><name>wot</name><protocol>tcp</protocol><description>WoT"
                + "</description><note>\n  <paragraph>Defined TXT keys:</paragraph>\n  <paragraph>td: path, see "
                + "<xref type=\"rfc\" data=\"rfc7595\"/>.<br/>type: Thing</paragraph>\n</note></record>\n</registry>\n";
        assertThat(Fixtures.readBytes(xml.getBytes(StandardCharsets.UTF_8), "wot.xml").assignments().get(0).notes())
                .containsExactly("Defined TXT keys: td: path, see [RFC7595]. type: Thing");
    }

    // ---- limits of size ---------------------------------------------------------------------------

    /**
     * Regression: a gzip file of about 10 MB expanding to 10 GiB ended import and update in an
     * OutOfMemoryError with a stack trace. The content is refused once past 64 MiB, in bounded
     * memory and time.
     */
    @Test
    void gzipBomb_isRefusedAtTheContentLimit_notAnOutOfMemoryError() throws Exception {
        byte[] head = (XML_HEAD + REGISTRY_OPEN).getBytes(StandardCharsets.UTF_8);
        Path bomb = HostileFiles.gzipBomb(dir.resolve("bomb.xml.gz"), head, 10L << 30);
        assertThat(Files.size(bomb)).isBetween(5L << 20, 16L << 20);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long[] allocated = new long[1];
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            Throwable t = catchThrowable(() -> RegistryFileReader.read(bomb));
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            return t;
        });

        assertThat(thrown).isInstanceOf(RegistryFormatException.class).hasMessage(bomb + ": expands to more than 64 MiB "
                + "when decompressed, the limit for a registry file (IANA's is about 4 MB); it is not the registry, or "
                + "it is damaged");
        assertThat(RegistryFileReader.MAX_CONTENT_BYTES).isEqualTo(64L << 20);
        // Holding the content would allocate at least the 64 MiB read; streaming it, about a megabyte.
        assertThat(allocated[0]).isLessThan(16L << 20);
    }

    @Test
    void plainContentPastTheLimit_isRefused_andExactlyTheLimitIsRead() throws Exception {
        byte[] head = (XML_HEAD + REGISTRY_OPEN + "</registry>\n").getBytes(StandardCharsets.UTF_8);
        long limit = RegistryFileReader.MAX_CONTENT_BYTES;

        assertThat(RegistryFileReader.read(HostileFiles.spacesAfter(head, limit), "limit.xml").assignments()).isEmpty();
        assertThatThrownBy(() -> RegistryFileReader.read(HostileFiles.spacesAfter(head, limit + 1), "big.xml"))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("big.xml: is larger than 64 MiB, the limit for a registry file (IANA's is about 4 MB); it is "
                        + "not the registry, or it is damaged");
    }

    @Test
    void csvPastTheLimit_isRefusedAsWell() {
        byte[] head = (CSV_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        // empty lines, which the reader skips: only the limit stops them
        InputStream lines = new SequenceInputStream(new ByteArrayInputStream(head), HostileFiles.repeated((byte) '\n',
                RegistryFileReader.MAX_CONTENT_BYTES));
        assertThatThrownBy(() -> RegistryFileReader.read(lines, "big.csv")).isInstanceOf(RegistryFormatException.class)
                .hasMessage("big.csv: is larger than 64 MiB, the limit for a registry file (IANA's is about 4 MB); it is "
                        + "not the registry, or it is damaged");
    }

    @Test
    void xmlTextPastTheFieldLimit_isRefusedNamingTheElement_andExactlyTheLimitIsRead() throws Exception {
        String longest = "y".repeat(64 * 1024);
        String doc = XML_HEAD + REGISTRY_OPEN + "<record><name>long</name>\n<description>%s</description></record>\n"
                + "</registry>\n";
        assertThat(Fixtures.readBytes(String.format(doc, longest).getBytes(StandardCharsets.UTF_8), "ok.xml")
                .assignments().get(0).description()).isEqualTo(longest);
        assertInvalid(String.format(doc, longest + "y"), "long.xml", "long.xml: <description> at line 4 is longer than "
                + "65536 characters, the limit for one field; it is not the registry, or it is damaged");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record><name>" + "n".repeat(10_000_000) + "</name></record>\n"
                + "</registry>\n", "name.xml", "name.xml: <name> at line 3 is longer than 65536 characters, the limit "
                + "for one field; it is not the registry, or it is damaged");
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record><xref type=\"uri\"\n data=\"" + "u".repeat(65_537)
                + "\"/></record>\n</registry>\n", "attr.xml", "attr.xml: attribute data of <xref> at line 4 is longer "
                + "than 65536 characters, the limit for one field; it is not the registry, or it is damaged");
    }

    @Test
    void csvFieldPastTheFieldLimit_isRefusedNamingTheColumn_andExactlyTheLimitIsRead() throws Exception {
        String longest = "y".repeat(64 * 1024);
        String row = "long,1,tcp,%s,,,,,,,,\r\n";
        assertThat(Fixtures.readBytes((CSV_HEADER + "\r\n" + String.format(row, longest))
                .getBytes(StandardCharsets.UTF_8), "ok.csv").assignments().get(0).description()).isEqualTo(longest);
        assertInvalid(CSV_HEADER + "\r\n" + String.format(row, longest + "y"), "long.csv", "long.csv: field "
                + "\"Description\" of the record starting at line 2 is longer than 65536 characters, the limit for one "
                + "field; it is not the registry, or it is damaged");
        assertInvalid(CSV_HEADER + "\r\nopen,1,tcp,\"" + "y".repeat(1_000_000) + "\r\n", "open.csv", "open.csv: a field "
                + "of the record starting at line 2 is longer than 65536 characters, the limit for one field (a quote "
                + "left open?); it is not the registry, or it is damaged");
    }

    @Test
    void valuesQuotedInMessages_areCutShort() {
        assertInvalid(XML_HEAD + REGISTRY_OPEN + "<record>\n<number>" + "9".repeat(1000) + "</number></record>\n"
                + "</registry>\n", "n.xml", "n.xml: record at line 3 has port number \"" + "9".repeat(60) + "...\", "
                + "expected a port 0-65535 or a range such as 6000-6063");
    }

    private static Assignment record(RegistrySnapshot s, String service, int port, Transport transport) {
        return s.assignments().stream()
                .filter(a -> Objects.equals(a.service(), service) && a.ports() != null
                        && a.ports().first() == port && a.transport() == transport)
                .findFirst().orElseThrow(() -> new AssertionError("no record " + service + " " + port + "/" + transport));
    }

    private static void assertInvalid(String content, String name, String message) {
        assertInvalid(content.getBytes(StandardCharsets.UTF_8), name, message);
    }

    private static void assertInvalid(byte[] content, String name, String message) {
        assertThatThrownBy(() -> Fixtures.readBytes(content, name)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(message);
    }

    private static Throwable catchReadFailure(byte[] content, String name) {
        try {
            RegistrySnapshot s = RegistryFileReader.read(new ByteArrayInputStream(content), name);
            throw new AssertionError("read a document with a DTD: " + s.assignments());
        } catch (RegistryFormatException e) {
            return e;
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }
}
