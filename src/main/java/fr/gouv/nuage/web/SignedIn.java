package fr.gouv.nuage.web;

import java.util.LinkedHashSet;
import java.util.Set;

import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.Person;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of a signed-in person: one per role they hold, whatever the
 * organisation.
 */
final class SignedIn {

	private SignedIn() {
	}

	static Set<GrantedAuthority> authorities(Person person) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_SIGNED_IN"));
		for (Grant grant : person.grants()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + grant.role().name()));
		}
		return authorities;
	}

}
