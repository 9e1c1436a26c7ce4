package dev.stampede.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.testbed.core.TestMark;
import dev.stampede.testbed.lb.NginxLogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README promises a log format and a default mark; they must be the ones the code uses. */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void readmeShowsTheExactDefaultLogFormat() throws IOException {
        assertThat(readme()).contains("log_format stampede '" + NginxLogFormat.STAMPEDE + "';");
    }

    @Test
    void readmeNamesTheDefaultTestMark() throws IOException {
        assertThat(readme()).contains("`" + TestMark.DEFAULT.name() + ": " + TestMark.DEFAULT.value() + "`");
    }

    @Test
    void readmeSampleLinesFollowTheFormat() throws IOException {
        String readme = readme();
        int start = readme.indexOf("```\n127.10.");
        String block = readme.substring(start + 4, readme.indexOf("```", start + 4));
        for (String line : block.strip().split("\n")) {
            assertThat(dev.stampede.testbed.lb.ReadmeLines.matches(line))
                    .as(line)
                    .isTrue();
        }
    }
}
