package dev.stampede.testbed.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ground truth of a simulated peak, written next to its access log as {@code <log>.truth.json}:
 * the behaviour the users followed, the plan (users, duration, seed, mark), and what actually happened
 * (requests and statuses by action, transitions taken, sessions). Stampede's model builder is checked
 * against it. Format version 1.
 */
public final class GroundTruth {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruth() {}

    /** The truth file that belongs to access log {@code log}. */
    public static Path pathFor(Path log) {
        return log.resolveSibling(log.getFileName() + ".truth.json");
    }

    /** Writes the truth file for a finished simulation. */
    public static void write(
            Path file, UserSimulation.Plan plan, SimulationStats stats, Map<String, Object> chain, long logLines)
            throws IOException {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("version", 1);
        truth.put("users", plan.users());
        truth.put("durationSeconds", plan.duration().toMillis() / 1000.0);
        truth.put("seed", plan.seed());
        truth.put("marked", plan.markHeader() != null);
        truth.put("chain", chain);
        truth.put("behaviour", plan.behaviour().file());
        Map<String, Object> realized = new LinkedHashMap<>();
        realized.put("requests", stats.requests());
        realized.put("accessLogLines", logLines);
        realized.put("sessions", stats.sessions());
        realized.put("requestsByAction", stats.requestsByAction());
        realized.put("statuses", stats.statuses());
        realized.put("transitions", stats.transitions());
        realized.put("substitutions", stats.substitutions());
        realized.put("relogins", stats.relogins());
        realized.put("transportFailures", stats.transportFailures());
        truth.put("realized", realized);
        Files.write(file, JSON.writeValueAsBytes(truth));
    }
}
