package fr.gouv.nuage.bench.drools;

import java.util.List;

/**
 * The facts of one complete assessment as a plain JavaBean, the way a Drools rule base expects
 * them: the DRL reads these properties and nothing else.
 */
public final class ProjectFacts {
    private String entityKind;
    private String stage;
    private double evolutionShare;
    private boolean contractorChange;
    private double fullCostEur;
    private String solution;
    private boolean equivalentSolutionExists;
    private String hostingClass;
    private String dataLocation;
    private boolean hdsCertified;
    private boolean personal;
    private boolean publicAgents;
    private boolean health;
    private List<String> legalSecrets;
    private boolean essentialStateMission;
    private List<String> breachImpacts;
    private String marking;
    private boolean transfersOutsideEu;
    private boolean productMode;
    private boolean reversibilityPlan;
    private boolean reversibilityFunded;
    private boolean multiZoneResilience;
    private boolean compromiseDetection;
    private boolean portabilityChecked;
    private boolean comparativeStudy;
    private boolean gdprCompliant;
    private boolean immuneToExtraEuAccess;

    public String getEntityKind() {
        return entityKind;
    }

    public void setEntityKind(String entityKind) {
        this.entityKind = entityKind;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public double getEvolutionShare() {
        return evolutionShare;
    }

    public void setEvolutionShare(double evolutionShare) {
        this.evolutionShare = evolutionShare;
    }

    public boolean isContractorChange() {
        return contractorChange;
    }

    public void setContractorChange(boolean contractorChange) {
        this.contractorChange = contractorChange;
    }

    public double getFullCostEur() {
        return fullCostEur;
    }

    public void setFullCostEur(double fullCostEur) {
        this.fullCostEur = fullCostEur;
    }

    public String getSolution() {
        return solution;
    }

    public void setSolution(String solution) {
        this.solution = solution;
    }

    public boolean isEquivalentSolutionExists() {
        return equivalentSolutionExists;
    }

    public void setEquivalentSolutionExists(boolean equivalentSolutionExists) {
        this.equivalentSolutionExists = equivalentSolutionExists;
    }

    public String getHostingClass() {
        return hostingClass;
    }

    public void setHostingClass(String hostingClass) {
        this.hostingClass = hostingClass;
    }

    public String getDataLocation() {
        return dataLocation;
    }

    public void setDataLocation(String dataLocation) {
        this.dataLocation = dataLocation;
    }

    public boolean isHdsCertified() {
        return hdsCertified;
    }

    public void setHdsCertified(boolean hdsCertified) {
        this.hdsCertified = hdsCertified;
    }

    public boolean isPersonal() {
        return personal;
    }

    public void setPersonal(boolean personal) {
        this.personal = personal;
    }

    public boolean isPublicAgents() {
        return publicAgents;
    }

    public void setPublicAgents(boolean publicAgents) {
        this.publicAgents = publicAgents;
    }

    public boolean isHealth() {
        return health;
    }

    public void setHealth(boolean health) {
        this.health = health;
    }

    public List<String> getLegalSecrets() {
        return legalSecrets;
    }

    public void setLegalSecrets(List<String> legalSecrets) {
        this.legalSecrets = legalSecrets;
    }

    public boolean isEssentialStateMission() {
        return essentialStateMission;
    }

    public void setEssentialStateMission(boolean essentialStateMission) {
        this.essentialStateMission = essentialStateMission;
    }

    public List<String> getBreachImpacts() {
        return breachImpacts;
    }

    public void setBreachImpacts(List<String> breachImpacts) {
        this.breachImpacts = breachImpacts;
    }

    public String getMarking() {
        return marking;
    }

    public void setMarking(String marking) {
        this.marking = marking;
    }

    public boolean isTransfersOutsideEu() {
        return transfersOutsideEu;
    }

    public void setTransfersOutsideEu(boolean transfersOutsideEu) {
        this.transfersOutsideEu = transfersOutsideEu;
    }

    public boolean isProductMode() {
        return productMode;
    }

    public void setProductMode(boolean productMode) {
        this.productMode = productMode;
    }

    public boolean isReversibilityPlan() {
        return reversibilityPlan;
    }

    public void setReversibilityPlan(boolean reversibilityPlan) {
        this.reversibilityPlan = reversibilityPlan;
    }

    public boolean isReversibilityFunded() {
        return reversibilityFunded;
    }

    public void setReversibilityFunded(boolean reversibilityFunded) {
        this.reversibilityFunded = reversibilityFunded;
    }

    public boolean isMultiZoneResilience() {
        return multiZoneResilience;
    }

    public void setMultiZoneResilience(boolean multiZoneResilience) {
        this.multiZoneResilience = multiZoneResilience;
    }

    public boolean isCompromiseDetection() {
        return compromiseDetection;
    }

    public void setCompromiseDetection(boolean compromiseDetection) {
        this.compromiseDetection = compromiseDetection;
    }

    public boolean isPortabilityChecked() {
        return portabilityChecked;
    }

    public void setPortabilityChecked(boolean portabilityChecked) {
        this.portabilityChecked = portabilityChecked;
    }

    public boolean isComparativeStudy() {
        return comparativeStudy;
    }

    public void setComparativeStudy(boolean comparativeStudy) {
        this.comparativeStudy = comparativeStudy;
    }

    public boolean isGdprCompliant() {
        return gdprCompliant;
    }

    public void setGdprCompliant(boolean gdprCompliant) {
        this.gdprCompliant = gdprCompliant;
    }

    public boolean isImmuneToExtraEuAccess() {
        return immuneToExtraEuAccess;
    }

    public void setImmuneToExtraEuAccess(boolean immuneToExtraEuAccess) {
        this.immuneToExtraEuAccess = immuneToExtraEuAccess;
    }
}
