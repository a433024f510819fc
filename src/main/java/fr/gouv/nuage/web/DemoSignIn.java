package fr.gouv.nuage.web;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo profile's sign-in page: one button per demo account, under a banner that says
 * these are fictitious accounts. Signs in only the demo accounts, and only when the
 * profile is active.
 */
@Controller
@Profile("demo")
class DemoSignIn {

	private final Directory directory;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	DemoSignIn(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/demo")
	String page(Model model) {
		model.addAttribute("accounts", DemoAccounts.ACCOUNTS);
		return "demo/sign-in";
	}

	@PostMapping("/demo/sign-in")
	String signIn(@RequestParam String email, HttpServletRequest request, HttpServletResponse response) {
		Person person = DemoAccounts.person(directory, email)
			.orElseThrow(() -> DemoAccounts.isAccount(email)
					? new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
							"the demo accounts are not seeded yet")
					: new ResponseStatusException(HttpStatus.BAD_REQUEST, "`" + email + "` is not a demo account"));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(person.email(), null, SignedIn.authorities(person)));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:/api/v1/me";
	}

}
