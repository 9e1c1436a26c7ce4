package dev.stampede.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.control.live.ControlToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stampede ctl}: talks to a running {@code stampede run}'s control API: status, set the rate,
 * multiply it, pause, resume, stop. The URL and token come from flags, the environment, or the run's
 * result directory ({@code --run}).
 */
@Command(
        name = "ctl",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Controls a running `stampede run`: status | rate N | multiply K | pause | resume | stop.",
            "  stampede ctl --run RESULT_DIR status          the run's URL and token from its result directory",
            "  stampede ctl --url http://127.0.0.1:7787 --token-file F rate 2000",
            "The rate is in the run's unit: requests per second, or the speed factor of a replay. A change applies"
                    + " within 100 ms and is recorded as an event in run.json."
        })
final class CtlCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACTIONS = List.of("status", "rate", "multiply", "pause", "resume", "stop");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The control API (default: the --run directory's, else http://127.0.0.1:"
                    + ControlFlags.DEFAULT_PORT + ").")
    URI url;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "The bearer token, first line of FILE (default: $" + ControlToken.ENV + ", else the --run"
                    + " directory's control.token).")
    Path tokenFile;

    @Option(
            names = "--run",
            paramLabel = "RESULT_DIR",
            description = "The running run's result directory: its control.json and control.token.")
    Path run;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status, rate, multiply, pause, resume or stop.")
    String action;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "VALUE",
            description = "The rate (rate) or factor (multiply).")
    String value;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String verb = action.toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(verb)) {
            throw usage("unknown action '" + action + "': one of " + String.join(", ", ACTIONS));
        }
        boolean needsValue = verb.equals("rate") || verb.equals("multiply");
        if (needsValue != (value != null)) {
            throw usage(
                    needsValue
                            ? verb + " needs a number, e.g. `" + verb + (verb.equals("rate") ? " 2000`" : " 1.5`")
                            : verb + " takes no value");
        }
        double number = 0;
        if (needsValue) {
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw usage(verb + ": '" + value + "' is not a number");
            }
        }
        URI base = baseUrl();
        ControlToken token;
        try {
            token = token();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/" + verb))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token.value());
        if (verb.equals("status")) {
            request.GET();
        } else {
            String body = needsValue ? "{\"value\": " + number + "}" : "";
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new RunFailedException("no run's control API at " + base + " (is the run still going? it prints its"
                    + " control URL when it starts)");
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode reply = readReply(response.body());
        if (response.statusCode() != 200) {
            String why =
                    reply != null && reply.has("error") ? reply.get("error").asText() : response.body();
            throw new RunFailedException(verb + " refused (HTTP " + response.statusCode() + "): " + why);
        }
        out.println(
                reply == null
                        ? response.body()
                        : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply));
        out.flush();
        return ExitCode.OK;
    }

    private URI baseUrl() throws IOException {
        if (url != null) {
            return url;
        }
        if (run != null) {
            Path file = run.resolve(RunControl.CONTROL_JSON);
            if (!Files.isRegularFile(file)) {
                throw usage("--run " + run + ": no " + RunControl.CONTROL_JSON + " (not a result directory of a run"
                        + " with a control API)");
            }
            JsonNode note = JSON.readTree(file.toFile());
            if (note.hasNonNull("url")) {
                return URI.create(note.get("url").asText());
            }
            throw usage(file + ": no url");
        }
        return URI.create("http://127.0.0.1:" + ControlFlags.DEFAULT_PORT);
    }

    private ControlToken token() throws IOException {
        if (tokenFile != null) {
            return ControlToken.read(tokenFile);
        }
        String env = System.getenv(ControlToken.ENV);
        if (env != null && !env.isBlank()) {
            return ControlToken.of(env);
        }
        if (run != null) {
            Path file = run.resolve(RunControl.TOKEN_FILE);
            if (Files.isRegularFile(file)) {
                return ControlToken.read(file);
            }
            JsonNode note = JSON.readTree(run.resolve(RunControl.CONTROL_JSON).toFile());
            if (note.hasNonNull("tokenFile")) {
                return ControlToken.read(Path.of(note.get("tokenFile").asText()));
            }
        }
        throw usage("no token: give --token-file FILE, set $" + ControlToken.ENV + ", or --run RESULT_DIR");
    }

    private static JsonNode readReply(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
