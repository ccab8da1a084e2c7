package vn.vongtay;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(VongTayApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("core", "geography", "directory", "identity", "audit", "home");
	}

	/** Regenerates docs/modules (component diagrams and module canvases), which the repository keeps current. */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(java.nio.file.Path.of("docs/modules/components.puml")).exists();
	}
}
