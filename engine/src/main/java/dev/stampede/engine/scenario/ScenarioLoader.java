package dev.stampede.engine.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads a scenario file ({@code stampede run SCENARIO.yaml}), checking all of it before anything is
 * sent, and reporting every problem found with its file, line, column and field. Paths in the file are
 * relative to the file's directory. See {@code docs/scenario.md} for the format.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {}

    /**
     * The scenario in {@code file}, checked.
     *
     * @throws ScenarioException with every problem found
     */
    public static Scenario load(Path file) throws ScenarioException {
        return read(file).build();
    }

    /**
     * A builder holding the scenario in {@code file} and the problems found in it so far, so that
     * command-line flags can override fields before {@link Scenario.Builder#build()} checks everything
     * and reports the file's problems with the rest.
     *
     * @throws ScenarioException when the file cannot be read or is not valid YAML (nothing else to check)
     */
    public static Scenario.Builder read(Path file) throws ScenarioException {
        String shown = file.toString();
        String text = text(file, shown);
        Problems problems = new Problems(FieldOrigins.unparsed(shown, text));
        YamlNode root = YamlTreeReader.read(text, problems);
        if (root == null) {
            throw problems.exception();
        }
        FieldOrigins origins = FieldOrigins.of(shown, text, root);
        problems = problems.withOrigins(origins);
        Section top = Section.root(root, ScenarioKeys.TOP, problems);
        Scenario.Builder builder = new Scenario.Builder(origins);
        if (top != null) {
            ScenarioParser.read(top, file.toAbsolutePath().getParent(), builder);
        }
        if (builder.name() == null) {
            builder.name(withoutExtension(file.getFileName().toString()));
        }
        builder.carry(problems);
        return builder;
    }

    private static String text(Path file, String shown) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(shown, "no such file");
        } catch (IOException e) {
            throw fileProblem(shown, "cannot read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fileProblem(shown, "is not UTF-8 text");
        }
    }

    private static ScenarioException fileProblem(String shown, String message) {
        Problems problems = new Problems(FieldOrigins.none());
        problems.addFile(shown, message);
        return problems.exception();
    }

    private static String withoutExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
