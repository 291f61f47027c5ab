package dev.replicasmcp.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The logging set-up, in code rather than in a logback.xml: reading XML at start-up costs the protocol
 * process a parser and some hundreds of classes before its first answer. Every line goes to stderr (stdout
 * carries the stdio protocol); REPLICAS_LOG_LEVEL sets our own loggers' level. A logback-test.xml on the
 * class path (the test suite's) is left to logback's own configurator.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfig extends ContextAwareBase implements Configurator {

    /** Libraries that are quiet unless something is wrong. */
    private static final Map<String, Level> LIBRARIES = Map.of(
            "org.flywaydb", Level.WARN,
            "org.jooq", Level.WARN,
            "io.modelcontextprotocol", Level.WARN,
            // A keep-alive ping fails when a client left without closing its session; the SDK then drops the
            // listening stream and the session ends when idle. Warning about it (again each round) helps no one.
            "io.modelcontextprotocol.util.KeepAliveScheduler", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogConfig.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("dev.replicasmcp").setLevel(Level.toLevel(System.getenv("REPLICAS_LOG_LEVEL"), Level.INFO));
        LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
