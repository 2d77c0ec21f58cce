package dev.portolan.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

/** The store depends on core and its storage libraries only, and keeps its public surface small. */
@AnalyzeClasses(packages = "dev.portolan.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule storeDependsOnCoreOnly = noClasses()
            .that().resideInAPackage("dev.portolan.store..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.portolan.cli..", "dev.portolan.web..", "dev.portolan.knowledge..",
                    "dev.portolan.inspect..", "picocli..", "com.fasterxml.jackson..")
            .because("the web site and the command line build on the store, not the reverse");

    @ArchTest
    static final ArchRule storeNeverPrintsToStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** Flyway, SQLite, PostgreSQL and the pool are how the store works, not what it offers. */
    @ArchTest
    static final ArchRule publicSurfaceIsTheFeedbackApi = classes()
            .that().resideInAPackage("dev.portolan.store").and().arePublic().and().areTopLevelClasses()
            .should().haveSimpleNameStartingWith("Feedback")
            .orShould().haveSimpleName("Vote")
            .orShould().haveSimpleName("Reaction")
            .orShould().haveSimpleName("PageFeedback");

    @Test
    void rulesSeeTheStoreClasses() {
        JavaClasses store = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portolan.store");
        assertThat(store.contain(FeedbackStore.class)).isTrue();
        assertThat(store.contain(SqliteFile.class)).isTrue();
        assertThat(storeDependsOnCoreOnly.evaluate(store).hasViolation()).isFalse();
    }
}
