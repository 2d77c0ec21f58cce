package dev.portolan.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web module's place in the design: no command line, no standard streams. */
class ArchitectureTest {
    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portolan.web");

    @Test
    void web_doesNotDependOnTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.portolan.cli..").check(WEB);
    }

    /** What is on a port comes from its summary (knowledge's PortSummary), never from the port index. */
    @Test
    void web_neverAsksThePortIndex() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("dev.portolan.core.PortIndex").check(WEB);
    }

    @Test
    void web_writesNothingToStandardStreams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(WEB);
    }
}
