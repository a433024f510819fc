package fr.gouv.nuage.projects;

import java.util.UUID;

import fr.gouv.nuage.http.Refusal;

/** There is no project with this id (answered 404 over HTTP); nothing was changed. */
public class NoSuchProject extends Refusal {

	private static final long serialVersionUID = 1L;

	public NoSuchProject(UUID id) {
		super(Kind.NOT_FOUND, null, Projects.said("no-project", id));
	}

}
