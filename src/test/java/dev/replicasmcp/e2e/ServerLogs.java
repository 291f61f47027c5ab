package dev.replicasmcp.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the stderr of every server a test started and prints it only when the test (or a set-up
 * method) fails, so passing runs stay quiet and failing ones show what the server said.
 */
final class ServerLogs implements TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private final Map<String, Supplier<String>> sources = new ConcurrentHashMap<>();

    /** Registers a source of server stderr under a label (e.g. "server #2"). */
    void track(String label, Supplier<String> stderr) {
        sources.put(label, stderr);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        print(context.getDisplayName());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        print("@BeforeAll of " + context.getDisplayName());
        throw error;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        print("@BeforeEach of " + context.getDisplayName());
        throw error;
    }

    private void print(String what) {
        StringBuilder out = new StringBuilder("\n===== server stderr for failed " + what + " =====\n");
        sources.forEach((label, stderr) -> out.append("----- ")
                .append(label)
                .append(" -----\n")
                .append(stderr.get())
                .append('\n'));
        System.err.println(out);
        System.err.flush();
    }
}
