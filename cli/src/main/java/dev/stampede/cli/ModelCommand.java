package dev.stampede.cli;

import dev.stampede.model.ModelFiles;
import dev.stampede.model.arrival.ArrivalOptions;
import dev.stampede.model.build.ModelBuild;
import dev.stampede.model.build.ModelBuilder;
import dev.stampede.model.build.ModelOptions;
import dev.stampede.model.endpoint.TemplateRule;
import dev.stampede.model.endpoint.TemplatingOptions;
import dev.stampede.model.fidelity.FidelityCheck;
import dev.stampede.model.fidelity.FidelityReport;
import dev.stampede.model.fidelity.FidelityThresholds;
import dev.stampede.model.pool.MaskingKey;
import dev.stampede.model.pool.TestAccounts;
import dev.stampede.model.session.SessionKey;
import dev.stampede.model.session.SessionOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stampede model}: a record store in, a behaviour model, a data pool and a fidelity check out. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Builds a behaviour model from a record store (stampede parse): endpoint templates with their"
                    + " parameters, the arrival curve and peak windows, sessions with a transition matrix and"
                    + " fitted think times; writes DIR/model.json and the data pool DIR/datapool/*.csv, with"
                    + " identity values (accounts, phones, id numbers, tokens, cookies) tokenised, never in clear.",
            "With --check, generates traffic from the model (no network), compares it with the records and"
                    + " writes DIR/fidelity.json; exits 1 when it misses a threshold."
        })
final class ModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "STORE", description = "The record store to model.")
    Path store;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "The model directory to create.")
    Path output;

    @Option(
            names = "--session-key",
            paramLabel = "SPEC",
            description = "What names a session: cookie:NAME, header:NAME, field:NAME, query:NAME or ip+ua"
                    + " (default: ${DEFAULT-VALUE}); records without it fall back to ip+ua.")
    String sessionKey = "ip+ua";

    @Option(
            names = "--session-timeout",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "A session ends after D without a request (default: ${DEFAULT-VALUE}s).")
    Duration sessionTimeout = Duration.ofMinutes(30);

    @Option(
            names = "--peak-window",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Length of the peak window searched for (whole minutes; default: ${DEFAULT-VALUE}s).")
    Duration peakWindow = Duration.ofMinutes(5);

    @Option(
            names = "--rule",
            paramLabel = "RULE",
            description = "An endpoint rule '[METHOD] REGEX => TEMPLATE' that wins over detection (repeatable),"
                    + " e.g. '^/api/order/(?<orderId>[^/]+)$ => /api/order/{orderId}'.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "Endpoint rules, one per line (# comments).")
    Path rulesFile;

    @Option(
            names = "--masking-key-file",
            paramLabel = "FILE",
            description = "The secret that tokenises identity values (16+ bytes), so tokens stay the same across"
                    + " builds; default: a random key per model, never written anywhere.")
    Path maskingKeyFile;

    @Option(
            names = "--test-accounts",
            paramLabel = "CSV",
            description = "Test accounts (account,username,password) that identities are mapped onto.")
    Path testAccounts;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 20261121L;

    @Option(names = "--check", description = "Run the fidelity check and write DIR/fidelity.json.")
    boolean check;

    @Option(
            names = "--min-coverage",
            paramLabel = "R",
            description = "Fail the check below this coverage (default: ${DEFAULT-VALUE}).")
    double minCoverage = FidelityThresholds.defaults().minCoverage();

    @Option(
            names = "--max-mix-distance",
            paramLabel = "R",
            description = "Fail the check above this endpoint-mix distance (default: ${DEFAULT-VALUE}).")
    double maxMixDistance = FidelityThresholds.defaults().maxMixDistance();

    @Option(
            names = "--max-think-time-ks",
            paramLabel = "R",
            description = "Fail the check above this think-time KS distance (default: not checked).")
    double maxThinkTimeKs = 1;

    @Option(
            names = "--max-session-length-ks",
            paramLabel = "R",
            description = "Fail the check above this session-length KS distance (default: not checked).")
    double maxSessionLengthKs = 1;

    @Override
    public Integer call() throws IOException {
        ModelOptions options = options();
        OutputDirectory.createEmpty(output, "the model");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        ModelBuild build;
        try {
            build = new ModelBuilder(options).build(store, output.resolve("datapool"), records -> {
                if (terminal) {
                    err.printf(Locale.ROOT, "\r  %,d records read (two passes)", records);
                    err.flush();
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
        ModelFiles.write(output.resolve(ModelFiles.MODEL_FILE), build.model());
        new ModelSummaryPrinter(out).print(build.model(), output);
        if (!check) {
            return ExitCode.OK;
        }
        FidelityThresholds thresholds =
                new FidelityThresholds(minCoverage, maxMixDistance, maxThinkTimeKs, maxSessionLengthKs);
        FidelityReport report = FidelityCheck.run(build.model(), build.source(), thresholds, seed);
        ModelFiles.mapper().writeValue(output.resolve("fidelity.json").toFile(), report);
        new ModelSummaryPrinter(out).print(report, output.resolve("fidelity.json"));
        if (!report.passed()) {
            throw new RunFailedException("the model failed its fidelity check: " + String.join("; ", report.failures())
                    + " (model kept: " + output + ")");
        }
        return ExitCode.OK;
    }

    private ModelOptions options() throws IOException {
        SessionKey key;
        try {
            key = SessionKey.parse(sessionKey);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--session-key: " + e.getMessage(), e);
        }
        if (sessionTimeout.isZero() || sessionTimeout.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--session-timeout must be positive");
        }
        long minutes = peakWindow.toMinutes();
        if (minutes < 1 || !peakWindow.equals(Duration.ofMinutes(minutes))) {
            throw new ParameterException(spec.commandLine(), "--peak-window must be whole minutes, e.g. 5m");
        }
        List<TemplateRule> parsed = new ArrayList<>();
        try {
            for (String rule : rules) {
                parsed.add(TemplateRule.parse(rule, "--rule"));
            }
            if (rulesFile != null) {
                if (!Files.isRegularFile(rulesFile)) {
                    throw new ParameterException(spec.commandLine(), "--rules: no file " + rulesFile);
                }
                parsed.addAll(TemplateRule.parseLines(
                        Files.readAllLines(rulesFile, StandardCharsets.UTF_8), rulesFile.toString()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        for (double ratio : new double[] {minCoverage, maxMixDistance, maxThinkTimeKs, maxSessionLengthKs}) {
            if (ratio < 0 || ratio > 1) {
                throw new ParameterException(spec.commandLine(), "fidelity thresholds are between 0 and 1");
            }
        }
        MaskingKey maskingKey;
        if (maskingKeyFile != null) {
            if (!Files.isRegularFile(maskingKeyFile)) {
                throw new ParameterException(spec.commandLine(), "--masking-key-file: no file " + maskingKeyFile);
            }
            try {
                maskingKey = MaskingKey.of(Files.readAllBytes(maskingKeyFile));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--masking-key-file: " + e.getMessage(), e);
            }
        } else {
            maskingKey = MaskingKey.random(new SecureRandom());
        }
        TestAccounts accounts = null;
        if (testAccounts != null) {
            try {
                accounts = TestAccounts.read(testAccounts);
            } catch (IOException | IllegalArgumentException e) {
                throw new RunFailedException(e.getMessage(), e);
            }
        }
        if (!java.nio.file.Files.isDirectory(store)) {
            throw new RunFailedException("no record store at " + store + " (make one with stampede parse)");
        }
        return new ModelOptions(
                TemplatingOptions.defaults().withRules(parsed),
                SessionOptions.defaults().withKey(key).withTimeoutMicros(sessionTimeout.toNanos() / 1000),
                ArrivalOptions.defaults().withPeakWindowMinutes((int) minutes),
                seed,
                maskingKey,
                accounts);
    }
}
