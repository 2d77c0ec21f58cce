package dev.portolan.knowledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** knowledge depends on core only, and writes to no standard stream. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portolan.knowledge");

    @Test
    void dependsOnCoreOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.portolan.web..", "dev.portolan.store..",
                "dev.portolan.cli..", "dev.portolan.inspect..").check(CLASSES);
    }

    /** One place decides what is on a port: the summary asks the registry's port index, nothing else does. */
    @Test
    void onlyThePortSummaryAsksThePortIndex() {
        noClasses().that().doNotHaveFullyQualifiedName(PortSummary.class.getName()).should().dependOnClassesThat()
                .haveFullyQualifiedName("dev.portolan.core.PortIndex").check(CLASSES);
    }

    @Test
    void writesToNoStandardStream() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
