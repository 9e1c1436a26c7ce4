package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ModelCommandTest {

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    private Path store;

    /** Twenty users, each: home, then quotes of a few codes, with a phone number in a query. */
    @BeforeEach
    void parseASmallLog() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int second = 0; second < 600; second++) {
            int user = second % 20;
            String path = second % 3 == 0
                    ? "/index.html"
                    : "/api/quote/60051" + (second % 7) + "?mobile=1380013800" + (user % 10);
            lines.add(String.format(
                    Locale.ROOT,
                    "10.0.0.%d - - [21/Nov/2026:09:%02d:%02d +0000] \"GET %s HTTP/1.1\" 200 10 \"-\" \"app\"",
                    user,
                    second / 60,
                    second % 60,
                    path));
        }
        Path log = dir.resolve("access.log");
        Files.write(log, lines, StandardCharsets.ISO_8859_1);
        store = dir.resolve("store");
        assertThat(cli.run("parse", "--format", "combined", log.toString(), "-o", store.toString()))
                .as(cli.err.toString())
                .isZero();
        cli.out.getBuffer().setLength(0);
    }

    @Test
    void writesTheModelThePoolAndASummary() throws Exception {
        Path model = dir.resolve("model");

        int code = cli.run(
                "model",
                store.toString(),
                "-o",
                model.toString(),
                "--peak-window",
                "2m",
                "--check",
                "--max-mix-distance",
                "0.05");

        assertThat(code).as(cli.toString()).isZero();
        assertThat(cli.out.toString())
                .contains("modelled 600 records")
                .contains("GET /api/quote/{code}?mobile")
                .contains("peak 2-minute window")
                .contains("sessions (ip+ua")
                .contains("fidelity: coverage 100.00%")
                .contains("passed");
        JsonNode json = new ObjectMapper().readTree(model.resolve("model.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo("stampede-model");
        assertThat(json.get("settings").get("peakWindowMinutes").asInt()).isEqualTo(2);
        assertThat(model.resolve("fidelity.json")).exists();
        assertThat(model.resolve("datapool/index.csv")).exists();
        String all = Files.readString(model.resolve("model.json"), StandardCharsets.UTF_8)
                + Files.readString(model.resolve("datapool/index.csv"), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("13800138000").contains("600511");
    }

    @Test
    void aMissedThresholdFailsTheRunAndKeepsTheModel() {
        Path model = dir.resolve("model");

        int code = cli.run("model", store.toString(), "-o", model.toString(), "--check", "--max-mix-distance", "0");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("the model failed its fidelity check: mix distance");
        assertThat(model.resolve("fidelity.json")).exists();
    }

    @Test
    void badOptionsAndPlacesFailBeforeAnyWork() throws Exception {
        assertThat(cli.run("model", store.toString(), "-o", dir.resolve("m1").toString(), "--session-key", "jwt:sub"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--session-key: session key 'jwt:sub': unknown kind 'jwt'");

        assertThat(cli.run("model", store.toString(), "-o", dir.resolve("m2").toString(), "--rule", "^/x( => /x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("bad template rule");

        assertThat(cli.run("model", store.toString(), "-o", dir.resolve("m3").toString(), "--peak-window", "90s"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString()).contains("--peak-window must be whole minutes");

        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/x"), "x", StandardCharsets.UTF_8);
        assertThat(cli.run("model", store.toString(), "-o", dir.resolve("full").toString()))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("is not empty");

        assertThat(cli.run(
                        "model",
                        dir.resolve("nothing").toString(),
                        "-o",
                        dir.resolve("m4").toString()))
                .isEqualTo(ExitCode.RUN_FAILED);
        assertThat(cli.err.toString()).contains("no record store at");
        assertThat(dir.resolve("m1")).doesNotExist();
        assertThat(dir.resolve("m4")).doesNotExist();
    }
}
