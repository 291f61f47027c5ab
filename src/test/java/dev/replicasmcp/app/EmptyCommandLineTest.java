package dev.replicasmcp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.mcp.McpExtras;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * With no arguments the server skips picocli and serves from the fields' initial values (see
 * {@link Main#run}): those must be exactly what picocli makes of an empty command line, flag by flag.
 */
class EmptyCommandLineTest {

    @Test
    void anEmptyCommandLineMeansTheSameWithAndWithoutTheParser() {
        Main unparsed = new Main(McpExtras.NONE);
        Main parsed = new Main(McpExtras.NONE);
        new CommandLine(parsed).parseArgs();

        assertThat(unparsed.settings()).isEqualTo(parsed.settings());
        assertThat(unparsed.httpFlags.options()).isEqualTo(parsed.httpFlags.options());
        assertThat(unparsed.toolsets).isEqualTo(parsed.toolsets);
        assertThat(unparsed.readOnly).isEqualTo(parsed.readOnly);
        assertThat(unparsed.http).isEqualTo(parsed.http);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Main main = new Main(McpExtras.NONE);
        Settings settings = main.settings();

        assertThat(settings.turnDelay().toMillis()).isEqualTo(1500);
        assertThat(settings.wakeDelay().toMillis()).isEqualTo(2000);
        assertThat(settings.hookTimeout().toSeconds()).isEqualTo(300);
        assertThat(settings.warmPoolSize()).isEqualTo(5);
        assertThat(settings.idleSleep().toMinutes()).isEqualTo(60);
        assertThat(settings.agents().scriptedAgent()).isTrue();
        HttpApp.Options http = main.httpFlags.options();
        assertThat(http.host()).isEqualTo("127.0.0.1");
        assertThat(http.port()).isEqualTo(8787);
        assertThat(http.limits().sessionIdle().toMinutes()).isEqualTo(30);
        assertThat(http.limits().maxSessionsPerKey()).isEqualTo(100);
        assertThat(http.limits().maxStreamsPerKey()).isEqualTo(200);
    }

    @Test
    void aFlagStillGoesThroughTheParser() {
        Main parsed = new Main(McpExtras.NONE);
        new CommandLine(parsed).parseArgs("--turn-delay-ms", "7", "--no-scripted-agent", "--port", "9");

        assertThat(parsed.settings().turnDelay().toMillis()).isEqualTo(7);
        assertThat(parsed.settings().agents().scriptedAgent()).isFalse();
        assertThat(parsed.httpFlags.options().port()).isEqualTo(9);
    }
}
