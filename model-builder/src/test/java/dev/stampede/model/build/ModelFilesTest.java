package dev.stampede.model.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.ModelFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void aBuiltModelReadsBackEqual() throws Exception {
        BehaviourModel model =
                DatasetModels.build(dir, "elastic-apache-combined/apache_logs").model();
        Path file = dir.resolve("out/model.json");

        ModelFiles.write(file, model);
        BehaviourModel read = ModelFiles.read(file.getParent());

        // NaN (a p-value an empirical fit has not) is unequal to itself, so compare what is written.
        assertThat(ModelFiles.mapper().writeValueAsString(read))
                .isEqualTo(ModelFiles.mapper().writeValueAsString(model));
        assertThat(read.endpoints()).hasSameSizeAs(model.endpoints());
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\"schema\" : \"stampede-model\"")
                .contains("\"version\" : 1");
    }

    @Test
    void refusesOtherVersionsAndOtherFilesNamingThem() throws Exception {
        Path other = dir.resolve("v2.json");
        Files.writeString(other, "{\"schema\":\"stampede-model\",\"version\":2}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelFiles.read(other))
                .hasMessageContaining(other.toString())
                .hasMessageContaining("version 2")
                .hasMessageContaining("rebuild it with stampede model");

        Path notModel = dir.resolve("x.json");
        Files.writeString(notModel, "{\"linesRead\": 3}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelFiles.read(notModel)).hasMessageContaining("is not a Stampede model");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\":", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelFiles.read(broken)).hasMessageContaining("is not valid JSON");

        assertThatThrownBy(() -> ModelFiles.read(dir.resolve("none"))).hasMessageContaining("no model at");
    }
}
