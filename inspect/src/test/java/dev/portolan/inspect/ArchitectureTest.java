package dev.portolan.inspect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** inspect is a library over core: no command line, web, store or knowledge, and no printing. */
@AnalyzeClasses(packages = "dev.portolan.inspect", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule inspectDependsOnlyOnCore = noClasses().that().resideInAPackage("dev.portolan.inspect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.portolan.cli..", "dev.portolan.web..",
                    "dev.portolan.store..", "dev.portolan.knowledge..", "picocli..")
            .because("inspect depends only on core; the command line and the web site build on it");

    /** JSON is read in one place: the answers of a container engine's API. */
    @ArchTest
    static final ArchRule onlyTheContainerEngineReadsJson = noClasses().that().resideInAPackage("dev.portolan.inspect..")
            .and().resideOutsideOfPackage("dev.portolan.inspect.containers..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("the system tools' output is text and CSV; only the engines answer JSON");

    /** The audit learns what a port is for from PortKnowledge, which the command line fills from the summary. */
    @ArchTest
    static final ArchRule auditNeverAsksTheRegistry = noClasses().that().resideInAPackage("dev.portolan.inspect.audit..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.portolan.core.PortIndex")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.portolan.core.Registry");

    @ArchTest
    static final ArchRule inspectNeverPrintsToStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
