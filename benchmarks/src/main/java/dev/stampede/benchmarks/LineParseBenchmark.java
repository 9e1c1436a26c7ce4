package dev.stampede.benchmarks;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.apache.ApacheLogFormat;
import dev.stampede.logparser.format.nginx.NginxFormat;
import dev.stampede.logparser.input.LineBatch;
import dev.stampede.logparser.input.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-line hot path: one line of each common shape parsed into a reused record, on one thread, from
 * a string and from the bytes the pipeline hands its workers (a {@link LineBatch}). This is the parser
 * alone; the pipeline and the store add to it (see benchmarks/parse/compare.sh).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LineParseBenchmark {

    private static final String COMBINED = "203.0.113.7 - - [21/Nov/2026:09:30:01 +0800] \"GET"
            + " /api/kline/600519?period=1m&limit=120 HTTP/1.1\" 200 5123 \"https://trade.example.com/market?tab=hot\""
            + " \"StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)\"";

    private static final String STAMPEDE = "127.10.0.103 - - [21/Nov/2026:14:56:39 +0000] \"POST /api/order HTTP/1.1\""
            + " 200 167 \"-\" \"StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)\" 1795272999.329 0.019 0.018"
            + " 127.0.0.1:39359 \"7dbeff981bb3584dabdff162c16a0724\" \"-\" \"-\" \"-\""
            + " \"{\\x22code\\x22:\\x22600519\\x22,\\x22side\\x22:\\x22sell\\x22,\\x22price\\x22:1697.09,\\x22qty\\x22:1000}\"";

    @Param({"nginx-combined", "nginx-stampede", "apache-combined"})
    public String shape;

    private LineParser parser;
    private String line;
    private final RequestRecord record = new RequestRecord();
    private final LineBatch batch = new LineBatch(1, 512);

    @Setup
    public void setUp() {
        switch (shape) {
            case "nginx-combined" -> {
                parser = NginxFormat.preset("combined").newParser();
                line = COMBINED;
            }
            case "nginx-stampede" -> {
                parser = NginxFormat.preset("stampede").newParser();
                line = STAMPEDE;
            }
            default -> {
                parser = ApacheLogFormat.preset("combined").newParser();
                line = COMBINED;
            }
        }
        if (parser.parse(line, record.reset()) != null) {
            throw new IllegalStateException("the benchmark line does not parse as " + shape);
        }
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        try {
            new LineReader(new ByteArrayInputStream(bytes), 1 << 20).fill(batch, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Rejection parseLine() {
        return parser.parse(line, record.reset());
    }

    @Benchmark
    public Rejection parseLineBytes() {
        return parser.parse(batch, 0, record.reset());
    }
}
