package fr.gouv.nuage.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names {@code /v3/api-docs} is written with: the tags of the resources, the security
 * schemes, and the mark of a handler whose answer carries its resource's version. What
 * every operation of a kind shares — the refusals, {@code If-Match}, the security — is
 * added by {@link ApiDescription} from the handler's signature, so that a handler states
 * only what is its own.
 */
public final class ApiDocs {

	public static final String DECISIONS = "decisions";

	public static final String OFFERS = "offers";

	public static final String PROJECTS = "projects";

	public static final String CONTROLS = "controls";

	public static final String DEROGATIONS = "derogations";

	public static final String REVERSIBILITY = "reversibility";

	public static final String DOCUMENTS = "documents";

	public static final String DECLARATIONS = "declarations";

	public static final String DIRECTORY = "directory";

	/** ProConnect's OpenID Connect sign-in, with the session cookie it sets. */
	public static final String PROCONNECT = "proconnect";

	/** HTTP Basic for the fictitious accounts of the {@code demo} profile. */
	public static final String DEMO = "demo";

	private ApiDocs() {
	}

	/**
	 * The handler's successful answers carry the resource's version as their
	 * {@code ETag}.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	public @interface Versioned {

	}

}
