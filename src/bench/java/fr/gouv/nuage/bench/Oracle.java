package fr.gouv.nuage.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactModel;

/**
 * DECISION-SEMANTICS.md for circular 6404-SG, written by hand from that page and not from the
 * pack: the one place where the doctrine lives in Java, so that the rule pack and the engine have
 * an independent reference to be compared with.
 *
 * <p>Absent facts follow docs/rule-packs.md: three-valued (Kleene) logic where an unknown value
 * carries the set of absent facts that made it unknown. To stay allocation-free, a three-valued
 * value is a {@code long}: {@link #T}, {@link #F}, or a non-empty bit set of fact indexes (unknown).
 *
 * <p>Where the semantics page is silent, the oracle takes the pack's documented choice and says
 * so: the hosting shown allowed while the sensitivity is unknown, R8, and the vigilance points of
 * R1 and R9 that the page does not list. None of them can change a verdict.
 */
public final class Oracle {

    static final long T = 1L << 62;
    static final long F = 1L << 61;

    public static final String[] RULES = {
        "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15"
    };

    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final String SATISFIED = "SATISFIED";
    public static final String TO_CONFIRM = "TO_CONFIRM";
    public static final String VIOLATED = "VIOLATED";

    static final List<String> NONE_ALLOWED = List.of();
    static final List<String> PI_ONLY = List.of("INTERNAL_PI");
    static final List<String> TRUSTED = List.of("INTERNAL_PI", "INTERNAL_NUBO", "COMMERCIAL_TRUSTED");
    static final List<String> ALL_CLOUDS = List.of("INTERNAL_PI", "INTERNAL_NUBO", "COMMERCIAL_TRUSTED", "COMMERCIAL");

    private final FactModel model;
    private final int kind;
    private final int stage;
    private final int evolutionShare;
    private final int contractorChange;
    private final int fullCost;
    private final int solution;
    private final int equivalentExists;
    private final int hostingClass;
    private final int dataLocation;
    private final int hdsCertified;
    private final int personal;
    private final int publicAgents;
    private final int health;
    private final int legalSecrets;
    private final int essentialMission;
    private final int breachImpacts;
    private final int marking;
    private final int transfers;
    private final int productMode;
    private final int reversibilityPlan;
    private final int reversibilityFunded;
    private final int multiZone;
    private final int compromiseDetection;
    private final int portability;
    private final int comparativeStudy;
    private final int gdprCompliant;
    private final int immune;

    public Oracle(FactModel model) {
        this.model = model;
        if (model.size() > 60) {
            throw new IllegalArgumentException("the oracle's bit sets hold at most 60 facts");
        }
        kind = index("entity.kind");
        stage = index("project.stage");
        evolutionShare = index("project.evolutionShare");
        contractorChange = index("project.contractorChange");
        fullCost = index("project.fullCostEur");
        solution = index("project.solution");
        equivalentExists = index("project.equivalentSolutionExists");
        hostingClass = index("hosting.class");
        dataLocation = index("hosting.dataLocation");
        hdsCertified = index("hosting.hdsCertified");
        personal = index("data.personal");
        publicAgents = index("data.publicAgents");
        health = index("data.health");
        legalSecrets = index("data.legalSecrets");
        essentialMission = index("data.essentialStateMission");
        breachImpacts = index("data.breachImpacts");
        marking = index("data.marking");
        transfers = index("data.transfersOutsideEu");
        productMode = index("commitments.productMode");
        reversibilityPlan = index("commitments.reversibilityPlan");
        reversibilityFunded = index("commitments.reversibilityFunded");
        multiZone = index("commitments.multiZoneResilience");
        compromiseDetection = index("commitments.compromiseDetection");
        portability = index("commitments.portabilityChecked");
        comparativeStudy = index("commitments.comparativeStudy");
        gdprCompliant = index("commitments.gdprCompliant");
        immune = index("commitments.immuneToExtraEuAccess");
    }

    private int index(String path) {
        return model.fact(path).orElseThrow(() -> new IllegalArgumentException("no fact " + path)).index();
    }

    /** What the oracle decides; findings are indexed like {@link #RULES}. */
    public static final class Result {
        public String verdict;
        public Boolean subject;
        public Boolean concerned;
        public String sensitivity;
        public List<String> allowedHosting;
        public boolean preferSaas;
        public String control;
        public final String[] findings = new String[RULES.length];
        public long missing;

        public List<String> missingFacts(FactModel model) {
            List<String> paths = new ArrayList<>();
            for (Fact fact : model.facts()) {
                if ((missing & (1L << fact.index())) != 0) {
                    paths.add(fact.path());
                }
            }
            return paths;
        }

        public Map<String, String> findingMap() {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < RULES.length; i++) {
                map.put(RULES[i], findings[i]);
            }
            return Collections.unmodifiableMap(map);
        }
    }

    public Result decide(Assessment a) {
        Result r = new Result();

        // §1 scope. A public interest group is treated as subject (the open question of §1).
        String entityKind = (String) a.get(kind);
        long subject = entityKind == null ? unknown(kind)
            : tri(entityKind.equals("STATE_ADMINISTRATION") || entityKind.equals("STATE_OPERATOR")
                || entityKind.equals("PUBLIC_INTEREST_GROUP"));

        String projectStage = (String) a.get(stage);
        long concerned;
        if (projectStage == null) {
            // The stage alone decides whether the share or the contractor matter: ask for it first.
            concerned = unknown(stage);
        } else if (projectStage.equals("NEW")) {
            concerned = T;
        } else if (projectStage.equals("EVOLUTION")) {
            concerned = or(atLeast(a, evolutionShare, 0.5), bool(a, contractorChange));
        } else {
            concerned = F;
        }
        r.subject = shown(subject);
        r.concerned = shown(concerned);

        // §2 sensitivity: the highest level that holds; an undecidable level above the one that
        // holds leaves the sensitivity unknown.
        Object markingValue = a.get(marking);
        String mark = markingValue == null ? "NONE" : (String) markingValue;
        long sensitivityUnknown = 0;
        if (mark.equals("CLASSIFIED")) {
            r.sensitivity = "CLASSIFIED";
        } else if (mark.equals("DIFFUSION_RESTREINTE")) {
            r.sensitivity = "DIFFUSION_RESTREINTE";
        } else {
            long particular = and(or(nonEmpty(a, legalSecrets), bool(a, essentialMission)), nonEmpty(a, breachImpacts));
            if (particular == T) {
                r.sensitivity = "PARTICULAR";
            } else if (particular != F) {
                sensitivityUnknown = particular;
            } else {
                long personalData = personalData(a);
                if (personalData == T) {
                    r.sensitivity = "PERSONAL";
                } else if (personalData == F) {
                    r.sensitivity = "STANDARD";
                } else {
                    sensitivityUnknown = personalData;
                }
            }
        }
        if (sensitivityUnknown != 0) {
            r.sensitivity = "UNKNOWN";
        }

        // §3 allowed hosting. Unknown sensitivity: not from the page, the pack shows what every
        // still possible level allows (the marking is always known, so PARTICULAR at worst).
        List<String> allowed;
        switch (r.sensitivity) {
            case "CLASSIFIED":
                allowed = NONE_ALLOWED;
                break;
            case "DIFFUSION_RESTREINTE":
                allowed = PI_ONLY;
                break;
            case "PARTICULAR":
            case "UNKNOWN":
                allowed = TRUSTED;
                break;
            default:
                allowed = ALL_CLOUDS;
        }
        r.allowedHosting = allowed;
        r.preferSaas = concerned != F;

        // §4 control.
        Object cost = a.get(fullCost);
        long controlUnknown = 0;
        if (cost == null) {
            r.control = "UNKNOWN";
            controlUnknown = unknown(fullCost);
        } else {
            double eur = (Double) cost;
            r.control = eur < 1_000_000 ? "PROJECT_AUTHORITY" : eur < 9_000_000 ? "MINISTRY" : "DINUM_OPINION";
        }

        long missing = unknownPart(subject) | unknownPart(concerned);
        boolean maybeInScope = subject != F && concerned != F;
        if (!maybeInScope) {
            Arrays.fill(r.findings, NOT_APPLICABLE);
            r.missing = missing;
            r.verdict = subject == F ? "NOT_SUBJECT" : "NOT_CONCERNED";
            return r;
        }
        missing |= sensitivityUnknown | controlUnknown;

        // §5 findings.
        String hostingValue = (String) a.get(hostingClass);
        String hosting = "UNDECIDED".equals(hostingValue) ? null : hostingValue;
        String solutionValue = (String) a.get(solution);
        String plannedSolution = "UNDECIDED".equals(solutionValue) ? null : solutionValue;

        long cloud = hosting == null ? unknown(hostingClass) : tri(ALL_CLOUDS.contains(hosting));
        long commercial = hosting == null ? unknown(hostingClass)
            : tri(hosting.equals("COMMERCIAL") || hosting.equals("COMMERCIAL_TRUSTED"));
        long onPremises = or(is(plannedSolution, "ON_PREMISES", solution), is(hosting, "ON_PREMISES", hostingClass));
        long study = bool(a, comparativeStudy);
        long personalData = personalData(a);

        Judge j = new Judge();
        boolean violated = false;

        // R1/R6: ON_PREMISES is a departure; documented by a study it is for the control to judge.
        j.start(T);
        j.violated(and(onPremises, not(study)));
        j.vigilance(and(onPremises, study));
        // Not on the page: the pack also flags a project not run in product mode (R1's culture).
        j.vigilance(not(bool(a, productMode)));
        violated |= j.finish(r, 0);

        r.findings[1] = NOT_APPLICABLE;
        r.findings[2] = NOT_APPLICABLE;

        // R4: reversibility on a commercial offer.
        j.start(commercial);
        j.violated(not(bool(a, reversibilityPlan)));
        j.violated(not(bool(a, reversibilityFunded)));
        violated |= j.finish(r, 3);

        // R5: resilience on any cloud, compromise detection on a commercial one.
        j.start(cloud);
        j.violated(not(bool(a, multiZone)));
        j.violated(and(commercial, not(bool(a, compromiseDetection))));
        violated |= j.finish(r, 4);

        j.start(T);
        j.violated(and(onPremises, not(study)));
        j.vigilance(and(onPremises, study));
        violated |= j.finish(r, 5);

        // R7: from 1 M€ a departure from R6 must be documented. The page writes "hosting
        // ON_PREMISES"; R7 is the documented derogation from R6, whose departure is R1/R6's.
        j.start(T);
        j.violated(and(and(atLeast(a, fullCost, 1_000_000), onPremises), not(study)));
        violated |= j.finish(r, 6);

        // R8: not on the page; the pack reports the DINUM review from 9 M€ as a point to confirm.
        j.start(atLeast(a, fullCost, 9_000_000));
        j.vigilance(T);
        violated |= j.finish(r, 7);

        // R9: only cloud hosting is judged here; ON_PREMISES is never allowed but is R1/R6's
        // departure (§3).
        j.start(cloud);
        j.violated(and(cloud, notAllowed(hosting, allowed, sensitivityUnknown)));
        j.violated(and(and(commercial, personalData), not(bool(a, gdprCompliant))));
        j.violated(and(and(commercial, bool(a, health)), not(bool(a, hdsCertified))));
        j.vigilance(and(and(commercial, personalData), not(bool(a, immune))));
        // Not on the page: the pack's vigilance on transfers and storage outside the EU.
        j.vigilance(and(commercial, bool(a, transfers)));
        j.vigilance(and(commercial, is((String) a.get(dataLocation), "OTHER", dataLocation)));
        violated |= j.finish(r, 8);

        // R10: portability on a commercial offer.
        j.start(commercial);
        j.violated(not(bool(a, portability)));
        violated |= j.finish(r, 9);

        r.findings[10] = NOT_APPLICABLE;
        r.findings[11] = NOT_APPLICABLE;

        // R13: a bespoke build although an equivalent exists.
        j.start(T);
        j.violated(and(is(plannedSolution, "CLOUD", solution), bool(a, equivalentExists)));
        violated |= j.finish(r, 12);

        r.findings[13] = NOT_APPLICABLE;
        r.findings[14] = NOT_APPLICABLE;

        missing |= j.missing;
        r.missing = missing;
        // §6: an unknown scope does not stop the verdict; only a known false one does.
        r.verdict = violated ? "NON_COMPLIANT" : missing != 0 ? "INCOMPLETE" : "COMPLIANT";
        return r;
    }

    /** The status algorithm of docs/rule-packs.md for one rule, with the facts it lacks. */
    private static final class Judge {
        long applies;
        boolean anyViolated;
        long ruleMissing;
        boolean anyVigilance;
        long missing;

        void start(long applies) {
            this.applies = applies;
            anyViolated = false;
            anyVigilance = false;
            ruleMissing = unknownPart(applies);
        }

        void violated(long condition) {
            if (condition == T) {
                anyViolated = true;
            } else if (condition != F) {
                ruleMissing |= condition;
            }
        }

        void vigilance(long condition) {
            if (condition != F) {
                anyVigilance = true;
            }
        }

        /** Records the rule's status; true when it is violated. */
        boolean finish(Result r, int rule) {
            String status;
            if (applies == F) {
                status = NOT_APPLICABLE;
            } else if (applies == T && anyViolated) {
                // A violation is settled: the facts other checks lack are not needed any more.
                status = VIOLATED;
            } else if (ruleMissing != 0) {
                status = TO_CONFIRM;
                missing |= ruleMissing;
            } else if (anyVigilance) {
                status = TO_CONFIRM;
            } else {
                status = SATISFIED;
            }
            r.findings[rule] = status;
            return status == VIOLATED;
        }
    }

    private long personalData(Assessment a) {
        return or(or(bool(a, personal), bool(a, publicAgents)), bool(a, health));
    }

    /** "The hosting class is not among the allowed ones", known as soon as either side settles it. */
    private long notAllowed(String hosting, List<String> allowed, long sensitivityUnknown) {
        if (sensitivityUnknown != 0) {
            return hosting == null ? sensitivityUnknown | unknown(hostingClass) : sensitivityUnknown;
        }
        if (allowed.isEmpty()) {
            return T;
        }
        return hosting == null ? unknown(hostingClass) : tri(!allowed.contains(hosting));
    }

    // ---------------------------------------------------------------- three-valued values

    static long tri(boolean b) {
        return b ? T : F;
    }

    static long unknown(int factIndex) {
        return 1L << factIndex;
    }

    static long unknownPart(long v) {
        return v == T || v == F ? 0 : v;
    }

    static Boolean shown(long v) {
        return v == T ? Boolean.TRUE : v == F ? Boolean.FALSE : null;
    }

    static long and(long a, long b) {
        if (a == F || b == F) {
            return F;
        }
        if (a == T) {
            return b;
        }
        return b == T ? a : a | b;
    }

    static long or(long a, long b) {
        if (a == T || b == T) {
            return T;
        }
        if (a == F) {
            return b;
        }
        return b == F ? a : a | b;
    }

    static long not(long a) {
        return a == T ? F : a == F ? T : a;
    }

    private static long bool(Assessment a, int fact) {
        Object v = a.get(fact);
        return v == null ? unknown(fact) : tri((Boolean) v);
    }

    private static long nonEmpty(Assessment a, int fact) {
        Object v = a.get(fact);
        return v == null ? unknown(fact) : tri(!((List<?>) v).isEmpty());
    }

    private static long atLeast(Assessment a, int fact, double threshold) {
        Object v = a.get(fact);
        return v == null ? unknown(fact) : tri((Double) v >= threshold);
    }

    private static long is(String value, String expected, int fact) {
        return value == null ? unknown(fact) : tri(value.equals(expected));
    }
}
