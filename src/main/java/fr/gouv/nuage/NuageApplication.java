package fr.gouv.nuage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Nuage: the State's "Cloud au centre" doctrine as working software. */
@SpringBootApplication
public class NuageApplication {

	public static void main(String[] args) {
		SpringApplication.run(NuageApplication.class, args);
	}

}
