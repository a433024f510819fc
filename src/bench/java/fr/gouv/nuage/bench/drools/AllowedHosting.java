package fr.gouv.nuage.bench.drools;

import java.util.List;

/** Inferred: the hosting classes allowed for the sensitivity. */
public final class AllowedHosting {

    private final List<String> classes;

    public AllowedHosting(List<String> classes) {
        this.classes = classes;
    }

    public List<String> getClasses() {
        return classes;
    }
}
