package fr.gouv.nuage.doctrine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The doctrine engine is plain Java: the CLI runs it without Spring, and so can any other
 * host.
 */
class EngineHasNoSpringTest {

	@Test
	void theEngineImportsNoSpring() {
		JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.gouv.nuage.doctrine", "fr.gouv.nuage.cli", "fr.gouv.nuage.catalogue");
		// The catalogue's package-info names the module's allowed dependencies for Spring
		// Modulith: an
		// annotation the CLI never reads.
		noClasses().that()
			.resideInAnyPackage("fr.gouv.nuage.doctrine..", "fr.gouv.nuage.cli", "fr.gouv.nuage.catalogue")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..")
			.because("the engine, the catalogue's core and the CLI start without a Spring context")
			.check(engine);
	}

	@Test
	void theEngineDependsOnNoOtherModule() {
		JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.gouv.nuage");
		noClasses().that()
			.resideInAPackage("fr.gouv.nuage.doctrine..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("fr.gouv.nuage.doctrine..", "java..", "dev.cel..", "org.yaml..", "com.google..")
			.check(engine);
		noClasses().that()
			.resideInAPackage("fr.gouv.nuage.cli..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("fr.gouv.nuage.cli..", "fr.gouv.nuage.doctrine..", "fr.gouv.nuage.catalogue",
					"fr.gouv.nuage.audit", "java..", "picocli..")
			.check(engine);
	}

}
