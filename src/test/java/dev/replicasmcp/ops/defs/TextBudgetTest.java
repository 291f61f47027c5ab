package dev.replicasmcp.ops.defs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.agent.BoundedText;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextBudgetTest {

    @Test
    void anObjectWithNothingTooLongIsAnsweredAsItIs() {
        Map<String, Object> event = Map.of("type", "assistant", "content", List.of(Map.of("text", "short")));
        TextBudget budget = new TextBudget(10);

        assertThat(budget.apply(event)).isSameAs(event);
        assertThat(budget.cutCount()).isZero();
    }

    @Test
    void longStringsAreCutInACopyThatKeepsTheOrderAndLeavesTheOriginal() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", "fine");
        inner.put("text", "x".repeat(25));
        inner.put("z", 3);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("first", "kept");
        event.put("content", List.of("ok", inner, "y".repeat(11)));
        event.put("last", true);
        TextBudget budget = new TextBudget(10);

        Map<String, Object> cut = budget.apply(event);

        assertThat(cut).isNotSameAs(event).containsOnlyKeys("first", "content", "last");
        assertThat(cut.keySet()).containsExactly("first", "content", "last");
        List<?> content = (List<?>) cut.get("content");
        assertThat(content.get(0)).isEqualTo("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> cutInner = (Map<String, Object>) content.get(1);
        assertThat(cutInner.keySet()).containsExactly("a", "text", "z");
        assertThat(cutInner.get("text")).isEqualTo("x".repeat(10) + " …[cut at 10 of 25 characters]");
        assertThat(content.get(2)).isEqualTo("y".repeat(10) + " …[cut at 10 of 11 characters]");
        assertThat(budget.cutCount()).isEqualTo(2);
        assertThat(inner.get("text")).isEqualTo("x".repeat(25));
        assertThat(((List<?>) event.get("content")).get(2)).isEqualTo("y".repeat(11));
    }

    @Test
    void aValueBoundedWithinTheBudgetIsNotReadAtAll() {
        TextBudget budget = new TextBudget(5);
        Unreadable within = new Unreadable(5);
        assertThat(budget.apply(within)).isSameAs(within);
        assertThat(budget.cutCount()).isZero();
        assertThatThrownBy(() -> budget.apply(new Unreadable(6))).hasMessage("read");
    }

    /** A bounded value that fails when read: only its bound may be asked. */
    private static final class Unreadable extends AbstractMap<String, Object> implements BoundedText {
        private final int bound;

        Unreadable(int bound) {
            this.bound = bound;
        }

        @Override
        public int longestTextAtMost() {
            return bound;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw new AssertionError("read");
        }
    }
}
