package fr.gouv.nuage.web;

import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every visitor reaches: the home page, with the three ways into Nuage, and the
 * pages a State site must have — the accessibility statement, the legal notice, the
 * personal data and cookies, the site map.
 */
@Controller
class SitePages {

	@GetMapping("/")
	String home() {
		return "site/home";
	}

	@GetMapping("/accessibilite")
	String accessibility() {
		return "site/accessibility";
	}

	@GetMapping("/mentions-legales")
	String legalNotice() {
		return "site/legal-notice";
	}

	@GetMapping("/donnees-personnelles")
	String personalData() {
		return "site/personal-data";
	}

	@GetMapping("/plan-du-site")
	String siteMap(Model model) {
		model.addAttribute("packs", RulePacks.shipped().ids());
		return "site/site-map";
	}

}
