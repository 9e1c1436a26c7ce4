package dev.stampede.model.build;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.format.Formats;
import dev.stampede.logparser.input.Inputs;
import dev.stampede.logparser.pipeline.ParseJob;
import dev.stampede.logparser.pipeline.ParseOptions;
import dev.stampede.logparser.store.RecordStoreWriter;
import dev.stampede.model.arrival.ArrivalOptions;
import dev.stampede.model.endpoint.TemplatingOptions;
import dev.stampede.model.pool.MaskingKey;
import dev.stampede.model.session.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds models of the shared datasets for tests: parse into a store, then model it. */
final class DatasetModels {

    private DatasetModels() {}

    static Path dataset(String relative) {
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path candidate =
                    base.resolve("../shared/datasets").resolve(relative).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("dataset not found: ../shared/datasets/" + relative);
    }

    static ModelOptions options() {
        return new ModelOptions(
                TemplatingOptions.defaults(),
                SessionOptions.defaults(),
                ArrivalOptions.defaults(),
                7,
                MaskingKey.ofPassphrase("test key, not secret"),
                null);
    }

    static ModelBuild build(Path dir, String relative) throws Exception {
        return build(dir, relative, "combined", options());
    }

    static ModelBuild build(Path dir, String relative, String format, ModelOptions options) throws Exception {
        Path store = dir.resolve("store-" + relative.replace('/', '-'));
        LogFormat logFormat = Formats.resolve(format);
        try (RecordStoreWriter writer = RecordStoreWriter.create(store, logFormat.describe(), 0)) {
            new ParseJob(logFormat, ParseOptions.defaults().withReorderWindowMicros(3_600_000_000L), NanoClock.system())
                    .run(List.of(Inputs.file(dataset(relative))), writer, p -> {});
        }
        return new ModelBuilder(options).build(store, dir.resolve("pool-" + relative.replace('/', '-')), n -> {});
    }

    static String text(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
