package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.gouv.nuage.doctrine.RuleInfo;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The doctrine for anyone to read, at addresses that stay: the circulars, each one's
 * rules, each rule with what it asks, what Nuage checks of it, its sources and how sure
 * they are, and what changed from one circular to the next. Everything comes from the
 * shipped packs — the very data that decides — so the pages cannot say what the engine
 * does not apply.
 */
@Controller
class DoctrinePages {

	private final RulePacks packs = RulePacks.shipped();

	/**
	 * From the circular before the one in force to the one in force: the packs are
	 * immutable, so it is compared once, not on every page.
	 */
	private final Optional<RuleChanges> latestChanges = latestChanges(packs);

	@GetMapping("/doctrine")
	String circulars(Locale locale, Model model) {
		model.addAttribute("texts", new DoctrineTexts(locale));
		List<RulePack> newestFirst = new ArrayList<>(packs.ids().stream().map(packs::get).toList());
		Collections.reverse(newestFirst);
		model.addAttribute("packs", newestFirst);
		model.addAttribute("defaultId", packs.defaultId());
		model.addAttribute("changes", latestChanges.orElse(null));
		return "doctrine/circulars";
	}

	@GetMapping("/doctrine/evolutions")
	String changes(Locale locale, Model model) {
		RuleChanges changes = latestChanges.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("texts", new DoctrineTexts(locale));
		model.addAttribute("changes", changes);
		return "doctrine/changes";
	}

	@GetMapping("/doctrine/{packId}")
	String pack(@PathVariable String packId, Locale locale, Model model) {
		RulePack pack = pack(packId);
		Map<String, List<RuleInfo>> blocks = new LinkedHashMap<>();
		pack.rules().forEach(rule -> blocks.computeIfAbsent(rule.block(), block -> new ArrayList<>()).add(rule));
		model.addAttribute("texts", new DoctrineTexts(locale));
		model.addAttribute("pack", pack.info());
		model.addAttribute("inForce", pack.id().equals(packs.defaultId()));
		model.addAttribute("blocks", blocks);
		return "doctrine/pack";
	}

	@GetMapping("/doctrine/{packId}/{ruleId}")
	String rule(@PathVariable String packId, @PathVariable String ruleId, Locale locale, Model model) {
		RulePack pack = pack(packId);
		RuleInfo rule = pack.rule(ruleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("texts", new DoctrineTexts(locale));
		model.addAttribute("pack", pack.info());
		model.addAttribute("inForce", pack.id().equals(packs.defaultId()));
		model.addAttribute("rule", rule);
		model.addAttribute("checks", pack.checks(ruleId).orElseThrow());
		model.addAttribute("others",
				packs.ids()
					.stream()
					.filter(id -> !id.equals(packId))
					.map(packs::get)
					.filter(other -> other.rule(ruleId).isPresent())
					.map(RulePack::info)
					.toList());
		RuleChanges changes = latestChanges
			.filter(latest -> latest.from().id().equals(packId) || latest.to().id().equals(packId))
			.orElse(null);
		model.addAttribute("changes", changes);
		model.addAttribute("change", changes == null ? null : changes.rule(ruleId).orElse(null));
		return "doctrine/rule";
	}

	private RulePack pack(String id) {
		if (!packs.has(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return packs.get(id);
	}

	private static Optional<RuleChanges> latestChanges(RulePacks packs) {
		List<String> ids = packs.ids();
		if (ids.size() < 2) {
			return Optional.empty();
		}
		return Optional.of(RuleChanges.between(packs.get(ids.get(ids.size() - 2)), packs.get(ids.get(ids.size() - 1))));
	}

}
