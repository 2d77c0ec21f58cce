package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Transport;
import dev.portolan.inspect.audit.MalwarePorts;
import dev.portolan.knowledge.Knowledge;
import org.junit.jupiter.api.Test;

/** The audit consults the curated knowledge's malware list, with each report's source. */
class LocalInspectionTest {
    @Test
    void auditSource_isTheKnowledgeMalwareList() {
        MalwarePorts malware = LocalInspection.KnowledgeMalware.fromKnowledge(Knowledge.embedded());
        assertThat(malware.at(445, Transport.TCP)).extracting(MalwarePorts.Report::name).contains("WannaCry", "Sasser");
        assertThat(malware.at(445, Transport.TCP)).allSatisfy(r -> assertThat(r.source()).startsWith("https://"));
        assertThat(malware.at(1434, Transport.UDP)).extracting(MalwarePorts.Report::name).contains("SQL Slammer (Sapphire)");
        assertThat(malware.at(1434, Transport.TCP)).isEmpty();
        assertThat(malware.at(60, Transport.TCP)).isEmpty();
    }

    @Test
    void standardSource_loadsTheKnowledgeOnFirstQuestion() {
        assertThat(LocalInspection.standard().malware().at(23, Transport.TCP)).extracting(MalwarePorts.Report::name)
                .contains("Mirai");
    }
}
