package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits are checked when the input arrives, with the field and the limit in the message, and lengths are
 * counted in characters as a person counts them (an emoji is one), not in UTF-16 units.
 */
class InputLimitsTest {

    static final String EMOJI = "\uD83D\uDE80";

    @TempDir
    Path dir;

    TestCore t;
    Environment env;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("limits");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void environmentTextsHaveLimits() {
        Fails.tooLarge(
                () -> t.services.environments().create(t.caller, "n".repeat(101), null, null, null, null),
                "'name'",
                "101 characters",
                "100");
        Fails.tooLarge(
                () -> t.services.environments().create(t.caller, "d", "d".repeat(1_001), null, null, null),
                "'description'",
                "1001",
                "1000");
        Fails.tooLarge(
                () -> t.services.environments().create(t.caller, "p", null, null, null, "p".repeat(100_001)),
                "'system_prompt'",
                "100001",
                "100000");
        Fails.tooLarge(
                () -> t.services
                        .environments()
                        .update(
                                t.caller,
                                env.id(),
                                new UpdateEnvironment(null, "d".repeat(1_001), null, null, null, null)),
                "'description'");
        Fails.invalid(
                () -> t.services.environments().create(t.caller, "nul\0name", null, null, null, null), "'name'", "NUL");
        // At the limit, counted in characters: 100 emoji are 200 UTF-16 units but 100 characters.
        Environment wide = t.services
                .environments()
                .create(t.caller, EMOJI.repeat(100), "d".repeat(1_000), null, null, "p".repeat(100_000));
        assertThat(wide.name()).isEqualTo(EMOJI.repeat(100));
        assertThat(t.services.environments().list(t.caller)).hasSize(3);
    }

    @Test
    void replicaNamesAreCountedInCharacters() throws Exception {
        Replica wide = t.services
                .replicas()
                .create(t.caller, TestCore.create(EMOJI.repeat(100), "hi", env.id()))
                .replica();
        assertThat(wide.name()).isEqualTo(EMOJI.repeat(100));
        Fails.invalid(
                () -> t.services.replicas().create(t.caller, TestCore.create(EMOJI.repeat(101), "hi", env.id())),
                "'name'",
                "101 characters");
        Fails.invalid(
                () -> t.services.replicas().create(t.caller, TestCore.create("nul\0", "hi", env.id())),
                "'name'",
                "NUL");
    }

    @Test
    void messagesHaveALimitAndNoNul() throws Exception {
        Fails.tooLarge(
                () -> t.services.replicas().create(t.caller, TestCore.create("big", "m".repeat(100_001), env.id())),
                "'message'",
                "100001",
                "100000");
        Fails.invalid(
                () -> t.services.replicas().create(t.caller, TestCore.create("nul", "a\0b", env.id())),
                "'message'",
                "NUL");
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("ok", "hi", env.id()))
                .replica();
        Fails.invalid(
                () -> t.services.messages().send(t.caller, replica.id(), send("x\0y", List.of())), "'message'", "NUL");
        assertThat(t.services
                        .replicas()
                        .list(t.caller, 1, 100, null, null, null)
                        .total())
                .as("nothing refused was created")
                .isEqualTo(1);
    }

    @Test
    void imageDataMustBeBase64() throws Exception {
        Replica replica = t.services
                .replicas()
                .create(t.caller, TestCore.create("pictures", "hi", env.id()))
                .replica();
        Fails.invalid(
                () -> t.services
                        .messages()
                        .send(
                                t.caller,
                                replica.id(),
                                send("look", List.of(new Image("base64", "image/png", "not base64!", null)))),
                "images[0].source.data",
                "base64");
        Fails.invalid(
                () -> t.services
                        .messages()
                        .send(
                                t.caller,
                                replica.id(),
                                send(
                                        "look",
                                        List.of(new Image("base64", "image/png", "data:image/png;base64,AAAA", null)))),
                "images[0].source.data",
                "data: URL");
        assertThat(t.services
                        .messages()
                        .send(
                                t.caller,
                                replica.id(),
                                send("look", List.of(new Image("base64", "image/png", "iVBORw0KGgo=\n", null))))
                        .messageId())
                .isNotNull();
    }

    private static SendMessage send(String text, List<Image> images) {
        return new SendMessage(text, null, null, null, images, null, null);
    }
}
