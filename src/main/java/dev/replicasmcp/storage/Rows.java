package dev.replicasmcp.storage;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Orderings shared by the stores. */
final class Rows {

    private Rows() {
    }

    /**
     * Insertion order, to break ties between rows created in the same millisecond (a random UUID would
     * order them by chance, and which of two files on one path wins would then be a coin toss).
     */
    static Field<Object> inserted(Table<?> table) {
        return DSL.field(table.getName() + ".rowid");
    }
}
