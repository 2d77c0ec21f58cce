package dev.portolan.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portolan.inspect.AddressFamily;
import dev.portolan.inspect.CapturedOutput;
import dev.portolan.inspect.InspectException;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketState;
import org.junit.jupiter.api.Test;

/** The web module's place in the design: no command line, no local inspection, no standard streams. */
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

    /**
     * The site explains output people paste, read by {@code CapturedOutput}; it never inspects the
     * sockets or processes of the machine it runs on, which a public listener must not show.
     */
    @Test
    void web_readsPastedOutputOnly_neverThisMachinesSockets() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.portolan.inspect..")
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(CapturedOutput.class, LocalSocket.class,
                        SocketOwner.class, SocketState.class, AddressFamily.class, InspectException.class))))
                .because("the site reads pasted output; the local inspection is the command line's").check(WEB);
    }

    @Test
    void web_writesNothingToStandardStreams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(WEB);
    }
}
