package dev.portolan.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The core module stays a library: no user-interface, storage-layer or serialisation dependencies. */
@AnalyzeClasses(packages = "dev.portolan.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayerOrFramework = noClasses()
            .that().resideInAPackage("dev.portolan.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.portolan.cli..", "..web..", "..store..", "picocli..", "com.fasterxml.jackson..")
            .because("core is the library the command line and any server build on, not the reverse");

    @ArchTest
    static final ArchRule coreNeverPrintsToStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** A class that breaks the stream rule, to show the rule is not vacuous. */
    static final class PrintsToStandardError {
        void report(String message) {
            System.err.println(message);
        }
    }

    @Test
    void standardStreamRule_detectsAClassPrintingToStandardError() {
        JavaClasses offender = new ClassFileImporter().importClasses(PrintsToStandardError.class);
        assertThat(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.evaluate(offender).hasViolation())
                .isTrue();
    }

    @Test
    void mainClassesAreImported() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portolan.core");
        assertThat(core.contain(Registry.class)).isTrue();
        assertThat(core.contain(ArchitectureTest.class)).isFalse();
        assertThat(coreDependsOnNoOuterLayerOrFramework.evaluate(core).hasViolation()).isFalse();
    }
}
