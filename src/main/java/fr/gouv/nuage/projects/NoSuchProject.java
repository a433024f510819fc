package fr.gouv.nuage.projects;

import java.util.UUID;

/** There is no project with this id (answered 404 over HTTP); nothing was changed. */
public class NoSuchProject extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NoSuchProject(UUID id) {
		super("no project " + id);
	}

}
