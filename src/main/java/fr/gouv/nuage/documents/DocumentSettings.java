package fr.gouv.nuage.documents;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What a project document may be: at most {@code nuage.documents.max-size} (10MB unless
 * set) and of one of {@code nuage.documents.allowed-types}, as media types. Only the
 * types {@link Documents} can recognise from the bytes may be allowed: another would
 * never be accepted, so it stops the application at start rather than later.
 */
@ConfigurationProperties("nuage.documents")
public record DocumentSettings(DataSize maxSize, List<String> allowedTypes) {

	/**
	 * Every type the bytes can be recognised as; all allowed unless configured otherwise.
	 */
	static final List<String> RECOGNISED = List.of(Documents.PDF, Documents.ODT, Documents.ODS, Documents.DOCX,
			Documents.XLSX, Documents.PNG, Documents.JPEG, Documents.CSV, Documents.TEXT);

	public DocumentSettings {
		maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
		if (maxSize.toBytes() <= 0) {
			throw new IllegalArgumentException("nuage.documents.max-size: `" + maxSize + "` must be above zero");
		}
		allowedTypes = allowedTypes == null ? RECOGNISED
				: allowedTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
		for (String type : allowedTypes) {
			if (!RECOGNISED.contains(type)) {
				throw new IllegalArgumentException("nuage.documents.allowed-types: `" + type
						+ "` cannot be recognised from a document's bytes; choose among "
						+ String.join(", ", RECOGNISED));
			}
		}
	}

	public boolean allows(String mediaType) {
		return allowedTypes.contains(mediaType);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DocumentSettings.class)
	static class Registration {

	}
}
