package dev.replicasmcp.ops.defs;

import java.util.List;
import java.util.function.Function;

/**
 * The state an audit entry shows before a change to one item of a list (a variable, a chat, ...): the
 * item with that id as its view, or null when there is none (the change then fails on its own).
 */
final class Listed {

    private Listed() {}

    static <T, V> V find(List<T> items, Function<T, String> key, String wanted, Function<T, V> view) {
        return items.stream()
                .filter(item -> key.apply(item).equals(wanted))
                .findFirst()
                .map(view)
                .orElse(null);
    }
}
