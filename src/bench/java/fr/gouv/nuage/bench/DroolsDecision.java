package fr.gouv.nuage.bench;

import java.util.Arrays;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

import fr.gouv.nuage.bench.drools.Outcome;
import fr.gouv.nuage.bench.drools.ProjectFacts;
import fr.gouv.nuage.doctrine.Assessment;

/**
 * The 6404-SG decision by a Drools rule base (doctrine-6404-SG.drl) in a stateless session: the
 * usual way a Java team would encode the doctrine, hence the engine's yardstick. The rule base is
 * built once; each decision is one {@code execute} over a fresh set of facts. Complete assessments
 * only: Drools has no notion of an unknown fact, and encoding Kleene logic by hand in DRL would
 * measure that encoding rather than Drools.
 */
public final class DroolsDecision {

    static final String DRL = "/fr/gouv/nuage/bench/drools/doctrine-6404-SG.drl";

    private final KieBase kieBase;
    private final StatelessKieSession session;

    public DroolsDecision() {
        // A class-path resource keeps the DRL's folder, which Drools checks against its package.
        Resource drl = KieServices.get().getResources().newClassPathResource(DRL.substring(1), DroolsDecision.class);
        drl.setResourceType(ResourceType.DRL);
        KieHelper helper = new KieHelper();
        helper.addResource(drl, ResourceType.DRL);
        // Throws with Drools' messages when the DRL does not compile.
        kieBase = helper.build();
        // A stateless session keeps no working memory between executions: one can be reused.
        session = kieBase.newStatelessKieSession();
    }

    public Outcome decide(ProjectFacts facts) {
        Outcome outcome = new Outcome();
        session.execute(Arrays.asList(facts, outcome));
        return outcome;
    }

    public Outcome decide(Assessment assessment) {
        return decide(toFacts(assessment));
    }

    /** The JavaBean of a complete assessment; throws when a fact the rules read is absent. */
    public static ProjectFacts toFacts(Assessment a) {
        ProjectFacts p = new ProjectFacts();
        p.setEntityKind(string(a, "entity.kind"));
        p.setStage(string(a, "project.stage"));
        p.setEvolutionShare(number(a, "project.evolutionShare"));
        p.setContractorChange(bool(a, "project.contractorChange"));
        p.setFullCostEur(number(a, "project.fullCostEur"));
        p.setSolution(decided(a, "project.solution"));
        p.setEquivalentSolutionExists(bool(a, "project.equivalentSolutionExists"));
        p.setHostingClass(decided(a, "hosting.class"));
        p.setDataLocation(string(a, "hosting.dataLocation"));
        p.setHdsCertified(bool(a, "hosting.hdsCertified"));
        p.setPersonal(bool(a, "data.personal"));
        p.setPublicAgents(bool(a, "data.publicAgents"));
        p.setHealth(bool(a, "data.health"));
        p.setLegalSecrets(list(a, "data.legalSecrets"));
        p.setEssentialStateMission(bool(a, "data.essentialStateMission"));
        p.setBreachImpacts(list(a, "data.breachImpacts"));
        p.setMarking(string(a, "data.marking"));
        p.setTransfersOutsideEu(bool(a, "data.transfersOutsideEu"));
        p.setProductMode(bool(a, "commitments.productMode"));
        p.setReversibilityPlan(bool(a, "commitments.reversibilityPlan"));
        p.setReversibilityFunded(bool(a, "commitments.reversibilityFunded"));
        p.setMultiZoneResilience(bool(a, "commitments.multiZoneResilience"));
        p.setCompromiseDetection(bool(a, "commitments.compromiseDetection"));
        p.setPortabilityChecked(bool(a, "commitments.portabilityChecked"));
        p.setComparativeStudy(bool(a, "commitments.comparativeStudy"));
        p.setGdprCompliant(bool(a, "commitments.gdprCompliant"));
        p.setImmuneToExtraEuAccess(bool(a, "commitments.immuneToExtraEuAccess"));
        return p;
    }

    private static Object required(Assessment a, String path) {
        Object v = a.get(path);
        if (v == null) {
            throw new IllegalArgumentException("Drools takes complete assessments only; `" + path + "` is absent");
        }
        return v;
    }

    private static String string(Assessment a, String path) {
        return (String) required(a, path);
    }

    private static String decided(Assessment a, String path) {
        String v = string(a, path);
        if (v.equals("UNDECIDED")) {
            throw new IllegalArgumentException("Drools takes complete assessments only; `" + path + "` is UNDECIDED");
        }
        return v;
    }

    private static double number(Assessment a, String path) {
        return (Double) required(a, path);
    }

    private static boolean bool(Assessment a, String path) {
        return (Boolean) required(a, path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Assessment a, String path) {
        return (List<String>) required(a, path);
    }
}
