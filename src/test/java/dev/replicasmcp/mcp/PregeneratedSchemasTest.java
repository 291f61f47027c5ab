package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.api.RawJsonObject;
import dev.replicasmcp.ops.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schemas the jar carries from packaging are exactly the ones the server would generate. */
class PregeneratedSchemasTest {

    private final ObjectMapper mapper = JsonMappers.tools();

    @Test
    void everyToolDescribesIdenticallyFromThePregeneratedSchemas() throws Exception {
        Map<String, byte[]> written =
                SchemaFactory.parsePregenerated(ToolSchemaWriter.lines(mapper).getBytes(StandardCharsets.UTF_8));
        ToolCatalog generated = ToolCatalog.generated();
        ToolCatalog pregenerated = new ToolCatalog(ToolCatalog.standardSpecs(), new SchemaFactory(written));

        assertThat(pregenerated.specs()).hasSameSizeAs(generated.specs()).isNotEmpty();
        for (int i = 0; i < generated.specs().size(); i++) {
            Operation<?, ?> spec = generated.specs().get(i);
            assertThat(written)
                    .containsKeys(SchemaFactory.key(false, spec.input()), SchemaFactory.key(true, spec.output()));
            assertThat(pregenerated.describe(pregenerated.specs().get(i))).isEqualTo(generated.describe(spec));
            assertThat(mapper.writeValueAsString(
                            pregenerated.describe(pregenerated.specs().get(i))))
                    .isEqualTo(mapper.writeValueAsString(generated.describe(spec)));
        }
        assertThat(mapper.writeValueAsString(pregenerated.toJson(mapper)))
                .isEqualTo(mapper.writeValueAsString(generated.toJson(mapper)));
    }

    @Test
    void aTypeTheFileDoesNotCoverIsGenerated() {
        SchemaFactory empty = new SchemaFactory(Map.of());
        Operation<?, ?> spec = ToolCatalog.standardSpecs().get(0);
        assertThat(empty.input(spec.input())).isEqualTo(new SchemaFactory().input(spec.input()));
        assertThat(empty.output(spec.output())).isEqualTo(new SchemaFactory().output(spec.output()));
    }

    @Test
    void handedOutSchemasAreCopies() throws Exception {
        Map<String, byte[]> written =
                SchemaFactory.parsePregenerated(ToolSchemaWriter.lines(mapper).getBytes(StandardCharsets.UTF_8));
        SchemaFactory factory = new SchemaFactory(written);
        Class<?> input = ToolCatalog.standardSpecs().get(0).input();
        factory.inputSchema(input).put("mutated", true);
        assertThat(factory.input(input)).doesNotContainKey("mutated");
    }

    @Test
    void schemasBecomeThePlainValuesJacksonWouldConvertThemTo() throws Exception {
        ObjectNode odd = mapper.createObjectNode().put("minimum", 0.5).put("maximum", 9007199254740993L);
        odd.putArray("enum").add("a").addNull().add(true).add(3);
        odd.putNull("default");
        assertThat(SchemaFactory.plain(odd)).isEqualTo(mapper.convertValue(odd, Map.class));
        String file = ToolSchemaWriter.lines(mapper) + "odd\t" + mapper.writeValueAsString(odd) + "\n";
        Map<String, byte[]> written = SchemaFactory.parsePregenerated(file.getBytes(StandardCharsets.UTF_8));
        assertThat(written).containsKey("odd");

        for (Map.Entry<String, byte[]> schema : written.entrySet()) {
            ObjectNode tree = (ObjectNode) mapper.readTree(schema.getValue());
            Map<String, Object> raw = new RawJsonObject(schema.getValue());
            assertThat(raw).as(schema.getKey()).isEqualTo(mapper.convertValue(tree, Map.class));
            assertThat(SchemaFactory.plain(tree)).as(schema.getKey()).isEqualTo(raw);
            // Written out, it is the text it was read from: what tools/list carries.
            assertThat(mapper.writeValueAsBytes(Map.of("s", raw)))
                    .as(schema.getKey())
                    .isEqualTo(mapper.writeValueAsBytes(Map.of("s", tree)));
        }
    }

    @Test
    void aLineOfAnotherShapeIsLeftToBeGenerated() {
        String file = "input:A\t{\"type\":\"object\"}\r\ninput:B\t[1]\nno tab\ninput:C\t{}\n";
        assertThat(SchemaFactory.parsePregenerated(file.getBytes(StandardCharsets.UTF_8)))
                .containsOnlyKeys("input:C");
    }

    @Test
    void theFileIsALinePerSchemaOfCompactJson() throws Exception {
        String file = ToolSchemaWriter.lines(mapper);
        assertThat(file).endsWith("\n");
        for (String line : file.split("\n")) {
            String[] parts = line.split("\t", -1);
            assertThat(parts).as(line).hasSize(2);
            assertThat(parts[0]).matches("(input|output):[\\w.$]+");
            assertThat(mapper.writeValueAsString(mapper.readTree(parts[1]))).isEqualTo(parts[1]);
        }
    }
}
