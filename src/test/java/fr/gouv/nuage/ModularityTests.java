package fr.gouv.nuage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the same test writes the module documentation. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NuageApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		// Module canvases are left out: they read the extracted Javadoc, whose escaped quotes Spring
		// Modulith 2.1.1 fails to parse.
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
