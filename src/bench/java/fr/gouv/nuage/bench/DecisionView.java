package fr.gouv.nuage.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.gouv.nuage.bench.drools.Outcome;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.FactModel;
import fr.gouv.nuage.doctrine.Finding;

/**
 * The decision-v1 fields that the three implementations can all produce, so that they can be
 * compared field by field. {@code missingFacts} is {@code null} for Drools, which never sees an
 * absent fact.
 */
public record DecisionView(String verdict, Boolean subject, Boolean concerned, String sensitivity,
                           List<String> allowedHosting, boolean preferSaas, String control,
                           Map<String, String> findings, List<String> missingFacts) {

    public static DecisionView of(Decision d) {
        Map<String, String> findings = new LinkedHashMap<>();
        for (Finding f : d.findings()) {
            findings.put(f.rule(), f.status().name());
        }
        return new DecisionView(d.verdict().name(), d.subject(), d.concerned(), d.sensitivity(),
            d.allowedHosting(), d.preferSaas(), d.control(), findings, d.missingFacts());
    }

    public static DecisionView of(Oracle.Result r, FactModel model) {
        return new DecisionView(r.verdict, r.subject, r.concerned, r.sensitivity, r.allowedHosting,
            r.preferSaas, r.control, r.findingMap(), r.missingFacts(model));
    }

    public static DecisionView of(Outcome o) {
        Map<String, String> findings = new LinkedHashMap<>();
        for (String rule : Oracle.RULES) {
            findings.put(rule, o.finding(rule));
        }
        return new DecisionView(o.getVerdict(), o.isSubject(), o.isConcerned(), o.getSensitivity(),
            o.getAllowedHosting(), o.isPreferSaas(), o.getControl(), findings, null);
    }

    /** The fields on which the two differ; missing facts only when both produce them. */
    public List<String> differences(DecisionView other) {
        List<String> out = new ArrayList<>();
        diff(out, "verdict", verdict, other.verdict);
        diff(out, "subject", subject, other.subject);
        diff(out, "concerned", concerned, other.concerned);
        diff(out, "sensitivity", sensitivity, other.sensitivity);
        // allowedHosting is a set (uniqueItems): its order carries no meaning.
        if (allowedHosting == null || other.allowedHosting == null
            ? allowedHosting != other.allowedHosting
            : !new HashSet<>(allowedHosting).equals(new HashSet<>(other.allowedHosting))) {
            out.add("allowedHosting");
        }
        diff(out, "preferSaas", preferSaas, other.preferSaas);
        diff(out, "control", control, other.control);
        for (String rule : Oracle.RULES) {
            diff(out, rule, findings.get(rule), other.findings.get(rule));
        }
        if (!findings.keySet().equals(other.findings.keySet())) {
            out.add("findings.rules");
        }
        if (missingFacts != null && other.missingFacts != null
            && !new HashSet<>(missingFacts).equals(new HashSet<>(other.missingFacts))) {
            out.add("missingFacts");
        }
        return out;
    }

    private static void diff(List<String> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(field);
        }
    }

    @Override
    public String toString() {
        return "verdict=" + verdict + " subject=" + subject + " concerned=" + concerned
            + " sensitivity=" + sensitivity + " allowedHosting=" + allowedHosting + " preferSaas=" + preferSaas
            + " control=" + control + " findings=" + findings
            + (missingFacts == null ? "" : " missingFacts=" + missingFacts);
    }
}
