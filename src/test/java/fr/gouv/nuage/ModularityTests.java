package fr.gouv.nuage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module boundaries hold on every module, and the same test writes the module
 * documentation. Each feature is one top-level package with its domain, repository and
 * HTTP controllers.
 */
class ModularityTests {

	/**
	 * Plain Java, without Spring: their boundaries are stated in their package-info and
	 * checked here.
	 */
	private static final Set<String> PLAIN = Set.of("doctrine", "cli");

	private final ApplicationModules modules = ApplicationModules.of(NuageApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() throws ClassNotFoundException {
		List<String> names = modules.stream().map(m -> m.getIdentifier().toString()).toList();
		assertThat(names).contains("catalogue", "controls", "derogations", "documents", "directory", "audit",
				"notifications", "projects", "reversibility", "decisions", "http", "doctrine", "cli", "web");
		for (String name : names) {
			if (PLAIN.contains(name)) {
				continue;
			}
			Class<?> info = Class.forName("fr.gouv.nuage." + name + ".package-info");
			assertThat(info.getAnnotation(ApplicationModule.class)).as("%s declares its allowed dependencies", name)
				.isNotNull();
		}
	}

	@Test
	void theEngineDependsOnNoModuleAndTheCliOnlyOnTheEngineTheCatalogueAndTheAuditChain() {
		assertThat(dependencies("doctrine")).isEmpty();
		assertThat(dependencies("cli")).isSubsetOf("doctrine", "catalogue", "audit");
	}

	private List<String> dependencies(String module) {
		return modules.getModuleByName(module)
			.orElseThrow()
			.getDirectDependencies(modules)
			.uniqueModules()
			.map(m -> m.getIdentifier().toString())
			.toList();
	}

	@Test
	void everyControllerLivesInItsFeaturesModule() {
		modules.stream().forEach(module -> {
			boolean controllers = module.getSpringBeans()
				.stream()
				.anyMatch(bean -> bean.getType().isAnnotatedWith(RestController.class)
						|| bean.getType().isAnnotatedWith(Controller.class));
			if (module.getIdentifier().toString().equals("http")) {
				assertThat(controllers).as("shared plumbing holds no controller").isFalse();
			}
		});
		modules.stream()
			.flatMap(m -> m.getSpringBeans().stream())
			.filter(bean -> bean.getType().isAnnotatedWith(RestController.class))
			.forEach(bean -> assertThat(bean.getType().getModifiers())
				.as(bean.getType().getName() + " is package-private")
				.doesNotContain(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC));
	}

	@Test
	void writesTheModuleDocumentation() throws java.io.IOException {
		FileSystemUtils.deleteRecursively(Path.of("target", "spring-modulith-docs"));
		// Module canvases are left out: they read the extracted Javadoc, whose escaped
		// quotes Spring
		// Modulith 2.1.1 fails to parse.
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		Path folder = Path.of("target", "spring-modulith-docs");
		assertThat(folder.resolve("components.puml")).exists();
		for (String module : List.of("projects", "catalogue", "controls", "derogations", "http")) {
			assertThat(Files.exists(folder.resolve("module-" + module + ".puml"))).as(module).isTrue();
		}
	}

}
