package dev.stampede.engine.source;

import static dev.stampede.engine.source.SourceDrive.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.engine.source.SourceDrive.Sent;
import dev.stampede.model.ModelFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory as {@code stampede model} writes it: slots draw from its data pool. */
class ModelSourcePoolTest {

    @TempDir
    Path dir;

    private ModelSource open(String quoteRows, boolean freshTail) throws Exception {
        ModelFiles.write(dir.resolve("model.json"), TestModels.twoPages());
        Path pool = Files.createDirectories(dir.resolve("datapool"));
        Files.writeString(
                pool.resolve("index.csv"),
                "slot,file,kind\nGET /api/quote/{code} code,quote.csv,none\n",
                StandardCharsets.UTF_8);
        Files.writeString(pool.resolve("quote.csv"), "value,weight\n" + quoteRows, StandardCharsets.UTF_8);
        return ModelSource.open(
                dir,
                ModelSourceOptions.of(500).withDurationNanos(100 * SECOND).withFreshTailValues(freshTail),
                TestModels.shaper());
    }

    private static List<String> quoteCodes(ModelSource source) {
        return new SourceDrive(source)
                .all().stream()
                        .filter(s -> s.endpoint() == 0)
                        .map(Sent::values)
                        .map(v -> v.get(0))
                        .toList();
    }

    @Test
    void keptValuesComeByTheirWeights() throws Exception {
        List<String> codes = quoteCodes(open("600036,3\n000002,1\n<tail>,0\n", true));

        // The pool's values, not the model's top values (600519, 000001).
        assertThat(Set.copyOf(codes)).containsExactlyInAnyOrder("600036", "000002");
        double heavy = codes.stream().filter("600036"::equals).count() / (double) codes.size();
        assertThat(heavy).isCloseTo(0.75, within(0.01));
    }

    @Test
    void theTailIsFreshValuesShapedLikeKeptOnes() throws Exception {
        List<String> codes = quoteCodes(open("600036,3\n000002,1\n<tail>,4\n", true));

        double kept = codes.stream()
                        .filter(c -> c.equals("600036") || c.equals("000002"))
                        .count()
                / (double) codes.size();
        assertThat(kept).isCloseTo(0.5, within(0.01));
        assertThat(codes).allMatch(c -> c.matches("[60]\\d{5}"));
        assertThat(Set.copyOf(codes)).hasSizeGreaterThan(1_000);
    }

    @Test
    void withoutFreshValuesTheTailDrawsKeptOnes() throws Exception {
        List<String> codes = quoteCodes(open("600036,3\n000002,1\n<tail>,4\n", false));

        assertThat(Set.copyOf(codes)).containsExactlyInAnyOrder("600036", "000002");
    }
}
