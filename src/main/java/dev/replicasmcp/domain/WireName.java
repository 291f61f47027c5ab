package dev.replicasmcp.domain;

import java.util.Locale;

/** An enum whose JSON and SQL form is its lower-case name. */
public interface WireName {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
