package dev.portolan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line renders answers; what is on a port comes from the port's summary. */
class ArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.portolan.cli");

    @Test
    void commands_neverAskThePortIndex() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("dev.portolan.core.PortIndex").check(CLI);
    }
}
