package fr.gouv.nuage.bench.drools;

import java.util.Arrays;
import java.util.List;

/**
 * What the rules conclude, written by their right-hand sides. One per execution: a stateless
 * session shares nothing between executions, and neither does this.
 */
public final class Outcome {

    private boolean subject;
    private boolean concerned;
    private boolean preferSaas;
    private String sensitivity;
    private List<String> allowedHosting;
    private String control;
    private String verdict;
    /** R1..R15; a rule that no DRL rule judges stays NOT_APPLICABLE. */
    private final String[] findings = new String[15];

    public Outcome() {
        Arrays.fill(findings, "NOT_APPLICABLE");
    }

    public boolean isSubject() {
        return subject;
    }

    public void setSubject(boolean subject) {
        this.subject = subject;
    }

    public boolean isConcerned() {
        return concerned;
    }

    public void setConcerned(boolean concerned) {
        this.concerned = concerned;
    }

    public boolean isPreferSaas() {
        return preferSaas;
    }

    public void setPreferSaas(boolean preferSaas) {
        this.preferSaas = preferSaas;
    }

    public String getSensitivity() {
        return sensitivity;
    }

    public void setSensitivity(String sensitivity) {
        this.sensitivity = sensitivity;
    }

    public List<String> getAllowedHosting() {
        return allowedHosting;
    }

    public void setAllowedHosting(List<String> allowedHosting) {
        this.allowedHosting = allowedHosting;
    }

    public String getControl() {
        return control;
    }

    public void setControl(String control) {
        this.control = control;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    /** The status of rule {@code R<n>}. */
    public String finding(String rule) {
        return findings[number(rule) - 1];
    }

    public void setFinding(String rule, String status) {
        findings[number(rule) - 1] = status;
    }

    private static int number(String rule) {
        return Integer.parseInt(rule.substring(1));
    }
}
