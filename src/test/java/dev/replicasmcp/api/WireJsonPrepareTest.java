package dev.replicasmcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a warm-up builds ahead of a first call ({@link WireJson#prepare}): the serializers of the output
 * record and of the records it holds, and nothing that changes what a call then reads or writes.
 */
class WireJsonPrepareTest {

    record Input(String name, Integer limit) {}

    record Item(String id, List<Tag> tags) {}

    record Tag(String label) {}

    record Page(List<Item> items, int total) {}

    /** The serializers a new mapper holds after output's own is made, or after prepare for output. */
    private static int serializersMade(Class<?> output, boolean prepared) {
        ObjectMapper mapper = WireJson.mapper();
        if (prepared) {
            WireJson.prepare(mapper, Input.class, output);
        } else {
            mapper.canSerialize(output);
        }
        return ((DefaultSerializerProvider) mapper.getSerializerProviderInstance()).cachedSerializersCount();
    }

    @Test
    void theRecordsAnOutputHoldsHaveTheirSerializersMadeToo() {
        // Item's (in Page's list) and Tag's (in Item's) besides Page's own.
        assertThat(serializersMade(Page.class, true)).isGreaterThan(serializersMade(Page.class, false));
    }

    @Test
    void anOutputHoldingNoRecordHasOnlyItsOwnMade() {
        assertThat(serializersMade(Tag.class, true)).isEqualTo(serializersMade(Tag.class, false));
    }

    @Test
    void aPreparedMapperReadsAndWritesAsBefore() throws Exception {
        ObjectMapper prepared = WireJson.mapper();
        WireJson.prepare(prepared, Input.class, Page.class);
        Page page = new Page(List.of(new Item("i1", List.of(new Tag("a")))), 1);

        assertThat(prepared.writeValueAsString(page))
                .isEqualTo(WireJson.mapper().writeValueAsString(page));
        assertThat(WireJson.parse(prepared, Input.class, Map.of("name", "n", "limit", 5), "input schema"))
                .isEqualTo(new Input("n", 5));
    }
}
