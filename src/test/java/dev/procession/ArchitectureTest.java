package dev.procession;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules for production classes (test classes are not imported). */
@AnalyzeClasses(packages = "dev.procession", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheAppUsesJavaFx =
            noClasses()
                    .that().resideInAPackage("dev.procession..")
                    .and().resideOutsideOfPackage("dev.procession.app..")
                    .should().dependOnClassesThat().resideInAPackage("javafx..")
                    .because("JavaFX is confined to dev.procession.app; the CLI, hub and runtime must run headless")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheAppUsesUiLibraries =
            noClasses()
                    .that().resideInAPackage("dev.procession..")
                    .and().resideOutsideOfPackage("dev.procession.app..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..")
                    .because("the UI libraries are confined to dev.procession.app, like JavaFX")
                    .allowEmptyShould(true);

    /** What the child jar holds (pom.xml, child-jar): it must run on the JDK alone. */
    @ArchTest
    static final ArchRule childCodeNeedsOnlyTheJdk =
            classes()
                    .that().resideInAnyPackage("dev.procession.runtime..", "dev.procession.protocol..",
                            "dev.procession.scenario..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                            "dev.procession.runtime..", "dev.procession.protocol..", "dev.procession.scenario..")
                    .because("child JVMs run the child jar, which has no library beside it (docs/architecture.md)");

    @ArchTest
    static final ArchRule runtimeStaysSmall =
            noClasses()
                    .that().resideInAPackage("dev.procession.runtime..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "dev.procession.hub..", "dev.procession.supervisor..", "dev.procession.cli..")
                    .because("the runtime runs inside child JVMs and must stay small")
                    .allowEmptyShould(true);
}
