package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract check itself: it finds operations and rejects bodies that break their schema. */
class ContractTest {

    @BeforeAll
    static void documentIsHere() {}

    private final Contract contract = Contract.get();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void findsTheMostLiteralOperation() {
        assertThat(contract.template("GET", "/v1/replica/repositories")).hasValue("/v1/replica/repositories");
        assertThat(contract.template("GET", "/v1/replica/abc")).hasValue("/v1/replica/{id}");
        assertThat(contract.template("PUT", "/v1/environments/global/warm-pools"))
                .hasValue("/v1/environments/{environmentId}/warm-pools");
        assertThat(contract.template("PATCH", "/v1/replica/abc")).isEmpty();
    }

    @Test
    void rejectsBodiesThatBreakTheSchema() throws Exception {
        assertThat(contract.problems("GET", "/v1/replica", 200, json.readTree("{\"replicas\": []}")))
                .anyMatch(p -> p.contains("total"));
        assertThat(contract.problems(
                        "POST",
                        "/v1/replica/x/chats",
                        201,
                        json.readTree("{\"id\": \"c\", "
                                + "\"provider\": \"nobody\", \"title\": \"t\", \"created_at\": \"2026-01-01T00:00:00Z\", "
                                + "\"updated_at\": \"2026-01-01T00:00:00Z\", \"processing\": false}")))
                .isNotEmpty();
        assertThat(contract.problems("GET", "/v1/replica/x", 404, json.readTree("{\"message\": \"no\"}")))
                .as("errors follow the Error schema")
                .isNotEmpty();
        assertThat(contract.problems("POST", "/v1/replica/x/chats", 200, json.readTree("{}")))
                .as("an undocumented success status")
                .isNotEmpty();
        assertThat(contract.problems(
                        "GET", "/v1/replica/x", 404, json.readTree("{\"error\": \"no\", " + "\"details\": null}")))
                .isEmpty();
    }
}
