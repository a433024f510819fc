package fr.gouv.nuage.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a request body may be: at most {@code maxBody} bytes (JSON, YAML, any body but a
 * multipart one, which {@code spring.servlet.multipart} bounds), received whole within
 * {@code bodyTimeout}.
 *
 * @param maxBody the largest body read, {@code nuage.http.max-body}
 * @param bodyTimeout how long a body may take to arrive, {@code nuage.http.body-timeout}
 */
@ConfigurationProperties("nuage.http")
record HttpSettings(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("30s") Duration bodyTimeout) {

	HttpSettings {
		if (maxBody.toBytes() <= 0) {
			throw new IllegalArgumentException("nuage.http.max-body: `" + maxBody + "` must be above zero");
		}
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalArgumentException("nuage.http.body-timeout: `" + bodyTimeout + "` must be above zero");
		}
	}

	/** The limit as people read it: {@code 1 MB}, {@code 512 KB}, {@code 100 bytes}. */
	String maxBodyShown() {
		long bytes = maxBody.toBytes();
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
				: bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

}
