package dev.stampede.engine.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A checked, immutable run description: what {@code stampede run SCENARIO.yaml} runs. Get one from
 * {@link ScenarioLoader#load} (a file), or from a {@link Builder} (flags, or a file's builder with flags
 * on top), whose {@link Builder#build()} applies the same checks; see {@code docs/scenario.md} for every
 * field. Paths are absolute, defaults applied.
 *
 * @param name the run's name (default: the file name without extension)
 * @param target where requests go: {@code http://} or {@code https://}, host, optional port and base path
 * @param protocol HTTP/1.1, h2 or h2c (default HTTP/1.1)
 * @param insecure trust any TLS certificate (test environments only; default false)
 * @param sni the TLS server name to send; null: the target's host
 * @param duration how long to send; null only for a replay that is not looped forever, which then lasts
 *     the store's span (or window) divided by the speed, times the loops
 * @param connections connections to the target, 1 to 65,536 (default 64)
 * @param timeout how long a request may wait for its response (default 5 s)
 * @param connectTimeout how long opening a connection may take (default 2 s)
 * @param interval the measurement interval of {@code latency.hlog}, 100 ms to 60 s (default 1 s)
 * @param sendLagThreshold send-lag p99 above which the run says the generator fell behind (default 1 ms)
 * @param source where requests come from
 * @param rewrite how requests change on the way (default: not at all)
 * @param marks full-link marks (default: test header, traceparent)
 * @param journal whether to write the per-request result journal (default false)
 * @param load the rate over time and its ceiling (default: the source's own rate, no ceiling)
 * @param guards SLO guards, in file order (default none)
 * @param capacity a capacity search; null for none (default)
 * @param production a production drill ({@code mode: production}): it refuses to start unless the
 *     target is allowlisted, test marks are on, {@code load.maxRate} is set and a guard aborts (default false)
 * @param allowlist where this scenario may send: URLs ({@code https://host:port/path} prefixes) or
 *     {@code host} / {@code host:port}; empty: anywhere (not allowed in production)
 */
public record Scenario(
        String name,
        URI target,
        Protocol protocol,
        boolean insecure,
        String sni,
        Duration duration,
        int connections,
        Duration timeout,
        Duration connectTimeout,
        Duration interval,
        Duration sendLagThreshold,
        SourceSpec source,
        Rewrite rewrite,
        Marks marks,
        boolean journal,
        LoadSpec load,
        List<GuardSpec> guards,
        CapacitySpec capacity,
        boolean production,
        List<String> allowlist) {

    /** Connections unless told otherwise. */
    public static final int DEFAULT_CONNECTIONS = 64;
    /** Request timeout unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Connect timeout unless told otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Measurement interval unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Send-lag p99 threshold unless told otherwise. */
    public static final Duration DEFAULT_SEND_LAG_THRESHOLD = Duration.ofMillis(1);

    /** Checks for nulls where a value is always present, and copies the guards. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(sendLagThreshold, "sendLagThreshold");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rewrite, "rewrite");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(load, "load");
        guards = List.copyOf(guards);
        allowlist = List.copyOf(allowlist);
    }

    /** A builder with the defaults and nothing else: for a scenario from command-line flags alone. */
    public static Builder builder() {
        return new Builder(FieldOrigins.none());
    }

    /** A builder holding this scenario's values, to change some (problems then name fields by path). */
    public Builder toBuilder() {
        return builder()
                .name(name)
                .target(target)
                .protocol(protocol)
                .insecure(insecure)
                .sni(sni)
                .duration(duration)
                .connections(connections)
                .timeout(timeout)
                .connectTimeout(connectTimeout)
                .interval(interval)
                .sendLagThreshold(sendLagThreshold)
                .source(source)
                .rewrite(rewrite)
                .marks(marks)
                .journal(journal)
                .load(load)
                .guards(guards)
                .capacity(capacity)
                .production(production)
                .allowlist(allowlist);
    }

    /**
     * Collects a scenario's values and checks them all at once in {@link #build()}. From {@link
     * ScenarioLoader#read} it also carries the file's own problems and the place of each field, so that
     * flags can override fields and every problem, of file and flags, is reported together.
     */
    public static final class Builder {

        private final FieldOrigins origins;
        private List<String> parseFields = List.of();
        private List<Problem> parseProblems = List.of();
        private String name;
        private URI target;
        private Protocol protocol = Protocol.HTTP1;
        private boolean insecure;
        private String sni;
        private Duration duration;
        private int connections = DEFAULT_CONNECTIONS;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration sendLagThreshold = DEFAULT_SEND_LAG_THRESHOLD;
        private SourceSpec source;
        private Rewrite rewrite = Rewrite.NONE;
        private Marks marks = Marks.DEFAULT;
        private boolean journal;
        private LoadSpec load = LoadSpec.NONE;
        private List<GuardSpec> guards = List.of();
        private CapacitySpec capacity;
        private boolean production;
        private List<String> allowlist = List.of();

        Builder(FieldOrigins origins) {
            this.origins = origins.copy();
        }

        /** Keeps the problems the file's parse found, to report with the checks' in {@link #build()}. */
        void carry(Problems parsed) {
            parseFields = parsed.fields();
            parseProblems = parsed.list();
        }

        /**
         * Names {@code field} (its path as in {@code docs/scenario.md}, e.g. {@code source.replay.speed},
         * {@code duration}) by {@code flagName} (e.g. {@code --speed}) in problems. Call it for each flag
         * that sets a field, and for flags a scenario from flags alone may lack (e.g. {@code duration} as
         * {@code --duration}), so that "required" names the flag.
         */
        public Builder flag(String field, String flagName) {
            origins.flag(field, flagName);
            return this;
        }

        /**
         * Checks every value and builds the scenario.
         *
         * @throws ScenarioException with every problem: the file's (when read from one) and the values'
         */
        public Scenario build() throws ScenarioException {
            Problems problems = new Problems(origins);
            problems.addAll(parseFields, parseProblems);
            ScenarioValidator.check(this, problems);
            if (!problems.isEmpty()) {
                throw problems.exception();
            }
            String finalName = name != null ? name : source.kind();
            return new Scenario(
                    finalName,
                    target,
                    protocol,
                    insecure,
                    sni,
                    duration,
                    connections,
                    timeout,
                    connectTimeout,
                    interval,
                    sendLagThreshold,
                    source,
                    rewrite,
                    marks,
                    journal,
                    load,
                    guards,
                    capacity,
                    production,
                    allowlist);
        }

        /** The run's name; null: the file name, or the source's kind for a scenario from flags. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Where requests go. */
        public Builder target(URI value) {
            target = value;
            return this;
        }

        /** HTTP/1.1, h2 or h2c. */
        public Builder protocol(Protocol value) {
            protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /** Trust any TLS certificate. */
        public Builder insecure(boolean value) {
            insecure = value;
            return this;
        }

        /** The TLS server name; null: the target's host. */
        public Builder sni(String value) {
            sni = value;
            return this;
        }

        /** How long to send; null: a replay's own length. */
        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        /** Connections to the target. */
        public Builder connections(int value) {
            connections = value;
            return this;
        }

        /** Request timeout. */
        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** Connect timeout. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** Measurement interval. */
        public Builder interval(Duration value) {
            interval = Objects.requireNonNull(value, "interval");
            return this;
        }

        /** Send-lag p99 threshold of generator health. */
        public Builder sendLagThreshold(Duration value) {
            sendLagThreshold = Objects.requireNonNull(value, "sendLagThreshold");
            return this;
        }

        /** Where requests come from. */
        public Builder source(SourceSpec value) {
            source = value;
            return this;
        }

        /** Request rewriting. */
        public Builder rewrite(Rewrite value) {
            rewrite = Objects.requireNonNull(value, "rewrite");
            return this;
        }

        /** Full-link marks. */
        public Builder marks(Marks value) {
            marks = Objects.requireNonNull(value, "marks");
            return this;
        }

        /** Whether to write the result journal. */
        public Builder journal(boolean value) {
            journal = value;
            return this;
        }

        /** The rate profile and ceiling. */
        public Builder load(LoadSpec value) {
            load = Objects.requireNonNull(value, "load");
            return this;
        }

        /** SLO guards. */
        public Builder guards(List<GuardSpec> value) {
            guards = List.copyOf(value);
            return this;
        }

        /** A capacity search; null for none. */
        public Builder capacity(CapacitySpec value) {
            capacity = value;
            return this;
        }

        /** A production drill ({@code mode: production}, {@code --production}). */
        public Builder production(boolean value) {
            production = value;
            return this;
        }

        /** Where the scenario may send. */
        public Builder allowlist(List<String> value) {
            allowlist = List.copyOf(value);
            return this;
        }

        /** The name so far (null: default). */
        public String name() {
            return name;
        }

        /** The target so far (null: none yet). */
        public URI target() {
            return target;
        }

        /** The protocol so far. */
        public Protocol protocol() {
            return protocol;
        }

        /** Whether TLS trusts any certificate, so far. */
        public boolean insecure() {
            return insecure;
        }

        /** The TLS server name so far (null: none). */
        public String sni() {
            return sni;
        }

        /** The duration so far (null: none yet). */
        public Duration duration() {
            return duration;
        }

        /** Connections so far. */
        public int connections() {
            return connections;
        }

        /** Request timeout so far. */
        public Duration timeout() {
            return timeout;
        }

        /** Connect timeout so far. */
        public Duration connectTimeout() {
            return connectTimeout;
        }

        /** Measurement interval so far. */
        public Duration interval() {
            return interval;
        }

        /** Send-lag threshold so far. */
        public Duration sendLagThreshold() {
            return sendLagThreshold;
        }

        /** The source so far (null: none yet). */
        public SourceSpec source() {
            return source;
        }

        /** Rewriting so far. */
        public Rewrite rewrite() {
            return rewrite;
        }

        /** Marks so far. */
        public Marks marks() {
            return marks;
        }

        /** Whether to write the journal, so far. */
        public boolean journal() {
            return journal;
        }

        /** The rate profile and ceiling so far. */
        public LoadSpec load() {
            return load;
        }

        /** The guards so far. */
        public List<GuardSpec> guards() {
            return guards;
        }

        /** The capacity search so far (null: none). */
        public CapacitySpec capacity() {
            return capacity;
        }

        /** Whether this is a production drill, so far. */
        public boolean production() {
            return production;
        }

        /** The allowlist so far. */
        public List<String> allowlist() {
            return allowlist;
        }
    }
}
