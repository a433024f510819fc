package fr.gouv.nuage.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The whole application starts on its embedded database and describes its API. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
class OpenApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/decisions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers/eligible'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/packs'].get").exists())
			.andExpect(jsonPath("$.info.title").value("Nuage"));
	}
}
