package fr.gouv.nuage.directory;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler the caller's {@link Perimeter}, read from the directory on every
 * request so that a role granted or revoked applies at once. The caller is known by
 * e-mail: ProConnect's claim, or the name of a demo account.
 */
@Component
class Callers implements HandlerMethodArgumentResolver {

	/** Looked up when needed, so that slices without the directory still start. */
	private final ObjectProvider<Directory> directory;

	Callers(ObjectProvider<Directory> directory) {
		this.directory = directory;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Perimeter.class;
	}

	@Override
	public Perimeter resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			throw new AuthenticationCredentialsNotFoundException("sign in first");
		}
		String email = authentication.getPrincipal() instanceof OidcUser user && user.getEmail() != null
				? user.getEmail() : authentication.getName();
		Directory people = directory.getObject();
		Person person = people.person(email).orElseGet(() -> new Person(email, null, null, null, List.of()));
		return people.perimeter(person);
	}

}
