package dev.stampede.model.build;

import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.ModelSettings;
import dev.stampede.model.ModelSource;
import dev.stampede.model.SessionModel;
import dev.stampede.model.arrival.ArrivalAnalyzer;
import dev.stampede.model.arrival.Arrivals;
import dev.stampede.model.endpoint.Endpoint;
import dev.stampede.model.endpoint.EndpointCatalog;
import dev.stampede.model.endpoint.EndpointLearner;
import dev.stampede.model.endpoint.SlotValues;
import dev.stampede.model.endpoint.TemplateRule;
import dev.stampede.model.pool.DataPool;
import dev.stampede.model.pool.DataPoolWriter;
import dev.stampede.model.pool.IdentityPolicy;
import dev.stampede.model.pool.Masker;
import dev.stampede.model.pool.PoolSlot;
import dev.stampede.model.pool.ValueSketch;
import dev.stampede.model.session.SessionStats;
import dev.stampede.model.session.Sessionizer;
import dev.stampede.model.stats.DistributionFitter;
import dev.stampede.model.stats.ZipfFitter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Builds a {@link BehaviourModel} and its data pool from a record store in two streaming passes: the
 * first learns the endpoint templates, the second classifies every record and feeds the per-endpoint,
 * arrival and session statistics. Memory is bounded by the number of endpoints, slots and open
 * sessions, never by the number of records.
 */
public final class ModelBuilder {

    private final ModelOptions options;

    public ModelBuilder(ModelOptions options) {
        this.options = options;
    }

    /**
     * Builds the model of {@code store}, writing the data pool into {@code poolDirectory}.
     *
     * @param progress told the number of records read so far, now and then
     */
    public ModelBuild build(Path store, Path poolDirectory, LongConsumer progress) throws IOException {
        EndpointLearner learner = new EndpointLearner(options.templating());
        String format;
        long records = 0;
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            format = reader.format();
            RequestRecord record = new RequestRecord();
            while (reader.next(record)) {
                learner.observe(record);
                if ((++records & 0xFFFF) == 0) {
                    progress.accept(records);
                }
            }
        }
        EndpointCatalog catalog = learner.freeze();

        SplittableRandom random = new SplittableRandom(options.seed());
        Map<Endpoint, Integer> indexes = new HashMap<>();
        List<EndpointStats> endpoints = new ArrayList<>();
        ArrivalAnalyzer arrivals = new ArrivalAnalyzer(options.arrivals());
        SessionStats sessionStats = new SessionStats(random.nextLong());
        Sessionizer sessionizer = new Sessionizer(options.sessions(), new SessionsAndArrivals(sessionStats, arrivals));
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long keyMissing = 0;
        long read = 0;
        try (RecordStoreReader reader = RecordStoreReader.open(store)) {
            RequestRecord record = new RequestRecord();
            SlotValues values = new SlotValues();
            while (reader.next(record)) {
                Endpoint endpoint = catalog.classify(record.method(), record.uri(), values);
                Integer index = indexes.get(endpoint);
                if (index == null) {
                    index = endpoints.size();
                    indexes.put(endpoint, index);
                    endpoints.add(new EndpointStats(endpoint, random.split()));
                }
                endpoints.get(index).add(record, values);
                arrivals.add(record.startMicros());
                if (!options.sessions().key().presentIn(record)) {
                    keyMissing++;
                }
                sessionizer.add(options.sessions().key().of(record), record.startMicros(), index);
                first = first == Long.MIN_VALUE ? record.startMicros() : first;
                last = record.startMicros();
                if ((++read & 0xFFFF) == 0) {
                    progress.accept(records + read);
                }
            }
        }
        sessionizer.finish(last);
        Arrivals arrivalModel = read == 0 ? null : arrivals.finish();

        Masker masker = new Masker(options.maskingKey(), IdentityPolicy.defaults());
        Map<String, ValueSketch> sketches = new LinkedHashMap<>();
        for (EndpointStats stats : endpoints) {
            for (SlotStats slot : stats.allSlots()) {
                sketches.put(slot.poolName, slot.sketch);
            }
        }
        DataPoolWriter poolWriter = new DataPoolWriter(masker);
        if (options.testAccounts() != null) {
            poolWriter = poolWriter.withTestAccounts(options.testAccounts());
        }
        DataPool pool = poolWriter.write(poolDirectory, sketches);

        DistributionFitter fitter = new DistributionFitter();
        ZipfFitter zipfFitter = new ZipfFitter();
        List<String> ids = endpoints.stream().map(e -> e.endpoint.key()).toList();
        List<EndpointModel> endpointModels = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EndpointStats stats : endpoints) {
            endpointModels.add(stats.model(read, slot -> {
                PoolSlot poolSlot = pool.has(slot.poolName) ? pool.slot(slot.poolName) : null;
                return slot.model(masker, poolSlot == null ? null : poolSlot.file(), fitter, zipfFitter);
            }));
            counts.put(stats.endpoint.key(), stats.count);
        }
        endpointModels.sort(
                (a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.id().compareTo(b.id()));

        SessionModel sessions = sessionStats.model(
                ids,
                options.sessions().key().toString(),
                options.sessions().timeoutMicros() / 1_000_000,
                keyMissing,
                sessionizer.endedEarly());
        BehaviourModel model = new BehaviourModel(
                BehaviourModel.SCHEMA,
                BehaviourModel.VERSION,
                new ModelSource(store.toString(), format, read, iso(first, read), iso(last, read)),
                new ModelSettings(
                        options.sessions().key().toString(),
                        options.sessions().timeoutMicros() / 1_000_000,
                        options.arrivals().peakWindowMinutes(),
                        options.templating().rules().stream()
                                .map(TemplateRule::text)
                                .toList(),
                        options.seed()),
                endpointModels,
                arrivalModel,
                sessions);
        SourceObservations source = new SourceObservations(
                counts,
                sessionStats.allThinkTimes(),
                sessionStats.sessionLengths(),
                arrivalModel == null ? 0 : arrivalModel.dispersionIndex());
        return new ModelBuild(model, pool, source);
    }

    private static String iso(long micros, long records) {
        return records == 0
                ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
                        .toString();
    }
}
