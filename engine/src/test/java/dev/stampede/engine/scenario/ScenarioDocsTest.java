package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/scenario.md} cannot go stale: its examples load, and it names every key the loader accepts. */
class ScenarioDocsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TEXT_BLOCK = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    private static String doc() throws IOException {
        // Surefire runs in the module directory; docs/ is at the repository root.
        return Files.readString(Path.of("..", "docs", "scenario.md"), StandardCharsets.UTF_8);
    }

    private static List<String> blocks(Pattern fence, String doc) {
        List<String> blocks = new ArrayList<>();
        Matcher m = fence.matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyYamlExampleLoads() throws Exception {
        List<String> examples = blocks(YAML_BLOCK, doc());
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        ScenarioFiles files = new ScenarioFiles(tmp);
        for (int i = 0; i < examples.size(); i++) {
            Scenario scenario = ScenarioLoader.load(files.write("example" + i + ".yaml", examples.get(i)));
            assertThat(scenario.target()).isNotNull();
        }
    }

    @Test
    void theExamplesTogetherUseEveryKeyTheLoaderAccepts() throws Exception {
        Set<String> used = new TreeSet<>();
        for (String example : blocks(YAML_BLOCK, doc())) {
            Problems problems = new Problems(FieldOrigins.none());
            collectKeys("", YamlTreeReader.read(example, problems), used);
            assertThat(problems.isEmpty()).isTrue();
        }
        assertThat(used).containsAll(ScenarioKeys.all());
    }

    @Test
    void theReferenceNamesEveryKey() throws IOException {
        String doc = doc();
        for (String key : ScenarioKeys.all()) {
            assertThat(doc).as("docs/scenario.md describes %s", key).contains("| `" + key + "` |");
        }
    }

    @Test
    void theErrorExampleIsWhatTheLoaderPrints() throws IOException {
        String shown = blocks(TEXT_BLOCK, doc()).get(0).strip();
        ScenarioFiles files = new ScenarioFiles(tmp);
        Path file = files.write("daily.yaml", """
                name: daily
                target: http://127.0.0.1:8080
                connections: 64
                duration: 10
                source:
                  replay:
                    speed: -2
                    sped: 3
                    include: ["^GET /api/(quote"]
                    exclude: ["/static/"]
                    store: ./dayly
                """);
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            String printed =
                    e.getMessage().replace(file.toString(), "daily.yaml").replace(tmp.toString(), "/data/stores");
            assertThat(printed).isEqualTo(shown);
            return;
        }
        throw new AssertionError("the example file loaded");
    }

    private static void collectKeys(String path, YamlNode node, Set<String> used) {
        if (node instanceof YamlNode.Mapping map) {
            map.entries().forEach((key, entry) -> {
                String child = path.isEmpty() ? key : path + "." + key;
                used.add(child);
                // Keys the user chooses (headers, regexes, baggage) are not schema keys.
                if (!Set.of("multipliers", "set", "headers", "baggage").contains(key)
                        || child.equals("rewrite.headers")) {
                    collectKeys(child, entry.value(), used);
                }
            });
        } else if (node instanceof YamlNode.Sequence list) {
            list.items().forEach(item -> collectKeys(path + "[]", item, used));
        }
    }
}
