package dev.stampede.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads {@code model.json}. Reading checks the schema name and version first and refuses a
 * file that is not a model, or is of a version this code does not know, with a message saying which.
 */
public final class ModelFiles {

    /** The model's file name in a model directory. */
    public static final String MODEL_FILE = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFiles() {}

    public static void write(Path file, BehaviourModel model) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), model);
    }

    /**
     * Reads a model file (or {@code model.json} in a directory).
     *
     * @throws IllegalArgumentException naming the file when it is not a model or of another version
     */
    public static BehaviourModel read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(MODEL_FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model at " + file);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (tree == null || !BehaviourModel.SCHEMA.equals(tree.path("schema").asText(null))) {
            throw new IllegalArgumentException(
                    file + " is not a Stampede model (no \"schema\": \"" + BehaviourModel.SCHEMA + "\")");
        }
        int version = tree.path("version").asInt(-1);
        if (version != BehaviourModel.VERSION) {
            throw new IllegalArgumentException(file + " is a model of version " + version + "; this Stampede reads"
                    + " version " + BehaviourModel.VERSION + " (rebuild it with stampede model)");
        }
        return JSON.treeToValue(tree, BehaviourModel.class);
    }

    /** The JSON mapper models are written with (for the fidelity report and tests). */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
