package dev.stampede.model.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.model.ModelFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/model.md names every field a written model.json has, so the documented schema stays true. */
class ModelSchemaDocTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldOfAModelIsDocumented() throws Exception {
        JsonNode model = ModelFiles.mapper()
                .valueToTree(DatasetModels.build(dir, "elastic-apache-combined/apache_logs")
                        .model());
        Set<String> fields = new TreeSet<>();
        collect(model, fields);
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/model.md"); // tests run in the module
        String text = Files.readString(doc, StandardCharsets.UTF_8);

        assertThat(fields).hasSizeGreaterThan(60);
        for (String field : fields) {
            assertThat(text).as("docs/model.md documents '%s'", field).containsPattern("\\b" + field + "\\b");
        }
    }

    /** Field names, not map keys: endpoint ids under entry, status codes, percentile names are data. */
    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, fields));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            fields.add(name);
            if (!Set.of("entry", "statuses", "serverTimeMillis").contains(name)) {
                collect(node.get(name), fields);
            }
        }
    }
}
