package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Eligibility;
import fr.gouv.nuage.decisions.AssessmentSteps.Step;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The self-assessment: an introduction, seven steps of questions and the result, for
 * anyone, without signing in. Nothing is stored, not even in a session: the answers
 * travel in the address, named by their path in the assessment contract, so that every
 * page can be bookmarked and shared and works without JavaScript. The result reads the
 * address as the API reads a body ({@link AssessmentParameters}) and shows the decision
 * the API answers.
 */
@Controller
class SelfAssessmentPages {

	private static final String BASE = "/auto-evaluation";

	private final RulePacks packs = RulePacks.shipped();

	private final CatalogueSource catalogues;

	private final MessageSource messages;

	SelfAssessmentPages(CatalogueSource catalogues, MessageSource messages) {
		this.catalogues = catalogues;
		this.messages = messages;
	}

	/** A pack the introduction offers. */
	record PackChoice(String id, String version, String title, boolean latest, boolean checked) {
	}

	@GetMapping(BASE)
	ModelAndView introduction(@RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		String asked = parameters.getFirst("doctrine");
		String chosen = asked != null && packs.has(asked) ? asked : packs.defaultId();
		AssessmentTexts texts = new AssessmentTexts(messages, locale, packs.get(chosen));
		List<PackChoice> choices = new ArrayList<>();
		for (String id : packs.ids()) {
			PackInfo info = packs.get(id).info();
			choices.add(new PackChoice(id, info.version(), texts.in(info.title()), id.equals(packs.defaultId()),
					id.equals(chosen)));
		}
		List<StepForm.Hidden> hidden = new ArrayList<>();
		parameters.forEach((name, values) -> {
			if (!name.equals("doctrine") && !name.equals("lang") && !name.startsWith("_")) {
				values.forEach(value -> hidden.add(new StepForm.Hidden(name, value)));
			}
		});
		ModelAndView page = new ModelAndView("assessment/introduction");
		page.addObject("packs", choices);
		page.addObject("hidden", hidden);
		page.addObject("first", AssessmentSteps.STEPS.get(0).slug());
		page.addObject("steps", AssessmentSteps.STEPS.stream().map(step -> ResultView.stepTitle(step, texts)).toList());
		return page;
	}

	@GetMapping(BASE + "/" + AssessmentSteps.RESULT)
	ModelAndView result(@RequestParam MultiValueMap<String, String> parameters, Locale locale) {
		CatalogueSource catalogue = once(catalogues);
		AssessmentParameters.Read read = AssessmentParameters.read(parameters, packs, catalogue);
		MultiValueMap<String, String> controls = StepForm.controls(parameters);
		RulePack pack = read.pack() == null ? packs.latest() : read.pack();
		AssessmentTexts texts = new AssessmentTexts(messages, locale, pack);
		ModelAndView page = new ModelAndView("assessment/result");
		page.addObject("total", AssessmentSteps.TOTAL);
		page.addObject("query", read.query(controls));
		page.addObject("stepTitle", texts.text("assessment.step." + AssessmentSteps.RESULT));
		if (!read.ok()) {
			page.setStatus(HttpStatus.BAD_REQUEST);
			page.addObject("pageTitle", texts.text("assessment.result.pageTitle.invalid"));
			page.addObject("invalid", ResultView.errors(read, controls, texts));
			page.addObject("modify",
					"/auto-evaluation/" + AssessmentSteps.STEPS.get(0).slug() + query(read.query(controls)));
			return page;
		}
		Eligibility eligibility = Eligibility.of(read.catalogue(), read.assessment(), read.pack(), read.date());
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		page.addAllObjects(ResultView.of(eligibility, read, controls, texts, base));
		page.addObject("pageTitle", texts.text("assessment.result.pageTitle",
				texts.text("assessment.verdict." + eligibility.decision().verdict().name())));
		return page;
	}

	@GetMapping(BASE + "/{slug}")
	ModelAndView step(@PathVariable String slug, @RequestParam MultiValueMap<String, String> parameters,
			Locale locale) {
		Step step = AssessmentSteps.step(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CatalogueSource catalogue = once(catalogues);
		boolean submitted = parameters.containsKey(StepForm.STEP);
		String doctrine = parameters.getFirst("doctrine");
		RulePack chosen = doctrine != null && packs.has(doctrine) ? packs.get(doctrine) : packs.latest();
		MultiValueMap<String, String> answers = submitted ? StepForm.answers(step, parameters, chosen, catalogue)
				: withoutMarkers(parameters);
		AssessmentParameters.Read read = AssessmentParameters.read(answers, packs, catalogue);
		AssessmentTexts texts = new AssessmentTexts(messages, locale, chosen);
		StepForm form = new StepForm(step, read, parameters, packs, catalogue, texts, submitted);
		if (submitted && form.done()) {
			String next = AssessmentSteps.next(step).map(Step::slug).orElse(AssessmentSteps.RESULT);
			RedirectView redirect = new RedirectView(BASE + "/" + next + query(form.query()), true);
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			redirect.setExposeModelAttributes(false);
			redirect.setExpandUriTemplateVariables(false);
			return new ModelAndView(redirect);
		}
		ModelAndView page = new ModelAndView("assessment/step");
		page.addObject("step", step);
		page.addObject("total", AssessmentSteps.TOTAL);
		String title = ResultView.stepTitle(step, texts);
		page.addObject("stepTitle", title);
		page.addObject("pageTitle",
				texts.text(form.errors().isEmpty() ? "assessment.step.pageTitle" : "assessment.step.pageTitle.error",
						step.number(), AssessmentSteps.TOTAL, title));
		page.addObject("next",
				AssessmentSteps.next(step)
					.map(s -> ResultView.stepTitle(s, texts))
					.orElse(texts.text("assessment.step." + AssessmentSteps.RESULT)));
		page.addObject("fields", form.fields());
		page.addObject("errors", form.errors());
		page.addObject("fresh", form.hasFresh());
		page.addObject("hidden", form.hidden());
		page.addObject("asked", form.asked());
		page.addObject("back",
				AssessmentSteps.previous(step)
					.map(s -> BASE + "/" + s.slug() + query(form.query()))
					.orElse(BASE + query(form.query())));
		page.addObject("last", AssessmentSteps.next(step).isEmpty());
		return page;
	}

	/** The parameters without the form's own: what a link to a step carries. */
	private static MultiValueMap<String, String> withoutMarkers(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>(parameters);
		answers.remove(StepForm.STEP);
		answers.remove(StepForm.ASKED);
		answers.remove(StepForm.UNKNOWN);
		return answers;
	}

	private static String query(String query) {
		return query.isEmpty() ? "" : "?" + query;
	}

	/**
	 * The catalogue in force, read once for the request however often it is asked for.
	 */
	private static CatalogueSource once(CatalogueSource source) {
		Catalogue[] held = new Catalogue[1];
		return () -> {
			if (held[0] == null) {
				held[0] = source.current();
			}
			return held[0];
		};
	}

}
