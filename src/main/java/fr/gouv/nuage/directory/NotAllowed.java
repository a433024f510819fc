package fr.gouv.nuage.directory;

import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;

/**
 * The caller's perimeter does not allow this step: a workflow's own refusal of who acts,
 * raised by the module that decides it (never by a controller), so that a page and an API
 * call cannot disagree. Answered 403 over HTTP; nothing was changed.
 */
public class NotAllowed extends Refusal {

	private static final long serialVersionUID = 1L;

	public NotAllowed(Said said) {
		super(Kind.FORBIDDEN, null, said);
	}

}
