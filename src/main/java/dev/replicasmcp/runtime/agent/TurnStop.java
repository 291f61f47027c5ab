package dev.replicasmcp.runtime.agent;

import java.time.Duration;

/** The messages a turn stopped by one of its limits ends with: which limit, and the flag that sets it. */
final class TurnStop {

    private TurnStop() {}

    static String timeout(String agent, Duration limit) {
        return "The " + agent + " agent's turn was stopped after " + describe(limit) + ", the time limit of one turn "
                + "(set with " + AgentConfig.TurnLimits.TIMEOUT_FLAG + "); its processes were ended and the turn is "
                + "not complete.";
    }

    static String silence(String agent, Duration limit) {
        return "The " + agent + " agent printed nothing for " + describe(limit) + ", the silence limit (set with "
                + AgentConfig.TurnLimits.SILENCE_FLAG + "); its processes were ended and the turn is not complete.";
    }

    /** Minutes as the flags set them; shorter limits (tests) in seconds or milliseconds. */
    static String describe(Duration limit) {
        if (limit.toSeconds() % 60 == 0 && limit.toMillis() % 1000 == 0 && limit.toMinutes() > 0) {
            return limit.toMinutes() == 1 ? "1 minute" : limit.toMinutes() + " minutes";
        }
        if (limit.toMillis() % 1000 == 0 && limit.toSeconds() > 0) {
            return limit.toSeconds() == 1 ? "1 second" : limit.toSeconds() + " seconds";
        }
        return limit.toMillis() + " ms";
    }
}
