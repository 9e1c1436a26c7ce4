package dev.stampede.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.scenarios.Samples.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SamplesIndexTest {

    private static final Path SAMPLES_DIR = Path.of("src/main/resources/samples");

    @Test
    void everyIndexedSampleHasItsDeclaredLineCount() throws IOException {
        List<Sample> samples = Samples.all();

        assertThat(samples)
                .extracting(Sample::fileName)
                .containsExactly("apache-combined-200.log", "nginx-combined-200.log");
        for (Sample sample : samples) {
            assertThat(countLines(sample)).as(sample.fileName()).isEqualTo(sample.lines());
            assertThat(sample.source()).as(sample.fileName()).contains("Apache-2.0");
        }
    }

    @Test
    void everyLogInTheFolderIsIndexedAndNamedInTheNotice() throws IOException {
        List<String> indexed = Samples.all().stream().map(Sample::fileName).toList();
        String notice = Files.readString(SAMPLES_DIR.resolve("NOTICE.md"));
        try (Stream<Path> files = Files.list(SAMPLES_DIR)) {
            List<String> logs = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".log"))
                    .toList();
            assertThat(indexed).containsExactlyInAnyOrderElementsOf(logs);
            assertThat(logs).allSatisfy(log -> assertThat(notice).contains(log));
        }
    }

    private static int countLines(Sample sample) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(sample.open(), StandardCharsets.UTF_8))) {
            return (int) reader.lines().count();
        }
    }
}
