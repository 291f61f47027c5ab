package dev.replicasmcp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.support.Contract;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors outside any one resource: unknown endpoints, oversized bodies, and failures the server did not expect. */
class RestErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownEndpointsOversizedBodiesAndUnexpectedFailuresAnswerTheErrorBody() throws Exception {
        try (HttpFixture http = HttpFixture.start(dir)) {
            assertThat(http.get("/v1/no-such-thing").error(404)).contains("/v1/no-such-thing");
            assertThat(http.send("PUT", "/v1/replica", Map.of(), http.key).error(404))
                    .contains("PUT");

            RawHttp.Answer big = RawHttp.send(
                    http.app.port(),
                    "POST",
                    "/v1/environments",
                    Map.of(
                            "Host",
                            "127.0.0.1",
                            "Authorization",
                            "Bearer " + http.key,
                            "Content-Type",
                            "application/json"),
                    "{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}");
            assertThat(big.status()).isEqualTo(413);
            JsonNode body = HttpFixture.JSON.readTree(big.body());
            assertThat(body.path("error").asText()).contains("too large");
            assertThat(Contract.get().problems("POST", "/v1/environments", 413, body))
                    .isEmpty();

            // The database goes away under the server: every call fails, none with a trace, and it keeps answering.
            http.core.core.close();
            String error = http.get("/v1/environments").error(500);
            assertThat(error).contains("failed unexpectedly").doesNotContain("SQL", "jooq", "sqlite");
            http.get("/v1/replica").expect(500);
        }
    }
}
