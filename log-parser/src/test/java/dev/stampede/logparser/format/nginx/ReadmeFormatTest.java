package dev.stampede.logparser.format.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The parser's {@code stampede} preset is the testbed's log format, written out again on purpose (the
 * parser shares no code with the chain it reads). The README states the format once; the testbed and
 * this test both hold their copy to it, so the two cannot drift apart.
 */
class ReadmeFormatTest {

    @Test
    void stampedePresetIsTheFormatTheReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains("log_format stampede '" + NginxFormat.STAMPEDE + "';");
    }
}
