package dev.stampede.benchmarks;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.nginx.NginxFormat;
import dev.stampede.logparser.store.RecordStoreWriter;
import dev.stampede.model.arrival.ArrivalAnalyzer;
import dev.stampede.model.arrival.ArrivalOptions;
import dev.stampede.model.build.ModelBuild;
import dev.stampede.model.build.ModelBuilder;
import dev.stampede.model.build.ModelOptions;
import dev.stampede.model.build.SessionsAndArrivals;
import dev.stampede.model.endpoint.Endpoint;
import dev.stampede.model.endpoint.EndpointCatalog;
import dev.stampede.model.endpoint.EndpointLearner;
import dev.stampede.model.endpoint.SlotValues;
import dev.stampede.model.endpoint.TemplatingOptions;
import dev.stampede.model.pool.MaskingKey;
import dev.stampede.model.session.SessionOptions;
import dev.stampede.model.session.SessionStats;
import dev.stampede.model.session.Sessionizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model builder's per-record paths, on {@value #RECORDS} records of trading-app sessions ({@link
 * TradingSessionLog}, parsed by the nginx {@code combined} parser). Every score is per record, in records
 * per second, so they compare directly:
 *
 * <ul>
 *   <li>{@code classify}: one request target through a learnt {@link EndpointCatalog} (the second pass's
 *       first step), cycling over {@value #MIX} requests of another stretch of the same traffic, so new
 *       ids, UUIDs and query values are slot values the learning pass never saw. Reuses one {@link
 *       SlotValues}, as the builder does.
 *   <li>{@code learnTemplates}: the first pass, {@link EndpointLearner#observe} over the batch, then
 *       {@link EndpointLearner#freeze()} (once per batch, so amortised over it).
 *   <li>{@code sessionsAndArrivals}: the second pass's statistics that are public API: the session key of
 *       each record (ip+ua), the {@link Sessionizer} feeding {@link SessionStats}, and the {@link
 *       ArrivalAnalyzer}'s per-second counts, for endpoint indexes classified beforehand. The per-endpoint
 *       statistics (status, sizes, slot-value sketches) are package-private and measured only inside
 *       {@code buildModel}.
 *   <li>{@code buildModel}: a whole {@link ModelBuilder#build} over a record store of the batch: both
 *       passes reading the store, the data pool written, distributions fitted. Its store is written once
 *       per trial by log-parser's {@link RecordStoreWriter}; the pool directory is rewritten each time.
 * </ul>
 *
 * <p>The gap between {@code buildModel} and the parts is the store reading, the per-endpoint statistics
 * and the fixed cost of fitting and writing the pool ({@code benchmarks/model/scale.sh} measures the
 * same end to end, through {@code stampede model}, on millions of records).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelBuildBenchmark {

    /** Records per batch (learning, sessions, the store of a whole build). */
    static final int RECORDS = 50_000;

    /** Requests {@code classify} cycles over (a power of two). */
    static final int MIX = 4096;

    private static final ModelOptions OPTIONS = new ModelOptions(
            TemplatingOptions.defaults(),
            SessionOptions.defaults(),
            ArrivalOptions.defaults(),
            7,
            MaskingKey.ofPassphrase("benchmark key, not secret"),
            null);

    private RequestRecord[] records;
    private int[] endpointIndexes;
    private EndpointCatalog catalog;
    private String[] mixMethods;
    private String[] mixUris;
    private final SlotValues values = new SlotValues();
    private int next;

    @Setup
    public void setUp() {
        records = records(1, RECORDS);
        EndpointLearner learner = new EndpointLearner(OPTIONS.templating());
        for (RequestRecord record : records) {
            learner.observe(record);
        }
        catalog = learner.freeze();
        Map<Endpoint, Integer> indexes = new HashMap<>();
        endpointIndexes = new int[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            Endpoint endpoint = catalog.classify(records[i].method(), records[i].uri(), values);
            endpointIndexes[i] = indexes.computeIfAbsent(endpoint, e -> indexes.size());
        }
        RequestRecord[] mix = records(2, MIX);
        mixMethods = new String[MIX];
        mixUris = new String[MIX];
        for (int i = 0; i < MIX; i++) {
            mixMethods[i] = mix[i].method();
            mixUris[i] = mix[i].uri();
        }
    }

    @Benchmark
    public Endpoint classify() {
        int i = next++ & (MIX - 1);
        return catalog.classify(mixMethods[i], mixUris[i], values);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public EndpointCatalog learnTemplates() {
        EndpointLearner learner = new EndpointLearner(OPTIONS.templating());
        for (RequestRecord record : records) {
            learner.observe(record);
        }
        return learner.freeze();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public SessionStats sessionsAndArrivals() {
        SessionStats stats = new SessionStats(OPTIONS.seed());
        ArrivalAnalyzer arrivals = new ArrivalAnalyzer(OPTIONS.arrivals());
        Sessionizer sessionizer = new Sessionizer(OPTIONS.sessions(), new SessionsAndArrivals(stats, arrivals));
        long last = 0;
        for (int i = 0; i < RECORDS; i++) {
            RequestRecord record = records[i];
            last = record.startMicros();
            arrivals.add(last);
            sessionizer.add(OPTIONS.sessions().key().of(record), last, endpointIndexes[i]);
        }
        sessionizer.finish(last);
        return stats;
    }

    /**
     * A whole build over a store. The store is a Chronicle Queue, which needs the root pom's JVM flags on
     * Java 17: run JMH with {@code java @benchmarks/target/jmh.jvm-args -jar benchmarks/target/benchmarks.jar}
     * (forks start with the host JVM's flags).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ModelBuild buildModel(Store store) throws IOException {
        return new ModelBuilder(OPTIONS).build(store.records, store.pool, read -> {});
    }

    /** A record store of {@value #RECORDS} records in a temporary directory, deleted after the trial. */
    @State(Scope.Benchmark)
    public static class Store {
        private Path dir;
        private Path records;
        private Path pool;

        @Setup
        public void write() throws IOException {
            dir = Files.createTempDirectory("stampede-model-bench");
            records = dir.resolve("store");
            pool = dir.resolve("pool");
            try (RecordStoreWriter writer = RecordStoreWriter.create(
                    records, NginxFormat.preset("combined").describe(), 0)) {
                for (RequestRecord record : records(1, RECORDS)) {
                    writer.append(record);
                }
            } catch (RuntimeException e) {
                delete(); // JMH runs no tear-down after a failed set-up
                throw e;
            }
        }

        @TearDown
        public void delete() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** {@code count} records of {@link TradingSessionLog} with {@code seed}, parsed as nginx combined. */
    static RequestRecord[] records(long seed, int count) {
        LineParser parser = NginxFormat.preset("combined").newParser();
        String[] lines = new TradingSessionLog(seed).lines(count);
        RequestRecord record = new RequestRecord();
        RequestRecord[] records = new RequestRecord[count];
        for (int i = 0; i < count; i++) {
            if (parser.parse(lines[i], record.reset()) != null) {
                throw new IllegalStateException("a generated line does not parse: " + lines[i]);
            }
            records[i] = record.copy();
        }
        return records;
    }
}
