package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputSchemasTest {

    @Test
    void aResultOfTheWrongShapeIsReportedAndOneOfTheRightShapeIsNot() throws Exception {
        assertThat(OutputSchemas.errors("list_replicas", ToolCalls.JSON.readTree("{\"replicas\":5,\"total\":\"x\"}")))
                .hasSize(2);
        assertThat(OutputSchemas.errors(
                        "list_replicas",
                        ToolCalls.JSON.readTree(
                                "{\"replicas\":[],\"total\":0,\"page\":1,\"limit\":20,\"total_pages\":0}")))
                .isEmpty();
        assertThat(OutputSchemas.errors("a_test_fixture", ToolCalls.JSON.readTree("[1]")))
                .isEmpty();
    }
}
