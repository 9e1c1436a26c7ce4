package dev.stampede.model.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON object body as a template with slots: each scalar leaf (to depth {@link #MAX_DEPTH}) becomes a
 * slot named by its dotted path ({@code body.order.qty}); arrays and deeper objects stay literal. The
 * template is text with {@code {{body.x}}} placeholders: a string leaf keeps its quotes around the
 * placeholder ({@code "code":"{{body.code}}"}), a number or boolean has none ({@code "qty":{{body.qty}}}).
 */
final class JsonBodyShape {

    static final int MAX_DEPTH = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String template;
    final List<String> paths;

    private JsonBodyShape(String template, List<String> paths) {
        this.template = template;
        this.paths = paths;
    }

    /** The object in {@code body}, or null when the body is not a JSON object. */
    static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > 1 << 16) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The shape of {@code object}: its template and slot paths, in document order. */
    static JsonBodyShape of(ObjectNode object) {
        List<String> paths = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        render(object, "body", 1, template, paths);
        return new JsonBodyShape(template.toString(), List.copyOf(paths));
    }

    /** The leaf values of {@code object} in this shape's path order, or null when its shape differs. */
    List<String> values(ObjectNode object) {
        List<String> paths = new ArrayList<>();
        List<String> values = new ArrayList<>();
        collect(object, "body", 1, paths, values);
        return paths.equals(this.paths) ? values : null;
    }

    private static void render(JsonNode node, String path, int depth, StringBuilder out, List<String> paths) {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(quote(field.getKey())).append(':');
            JsonNode value = field.getValue();
            String child = path + "." + field.getKey();
            if (value.isObject() && depth < MAX_DEPTH) {
                render(value, child, depth + 1, out, paths);
            } else if (value.isValueNode() && !value.isNull()) {
                paths.add(child);
                out.append(value.isTextual() ? "\"{{" + child + "}}\"" : "{{" + child + "}}");
            } else {
                out.append(value.toString());
            }
        }
        out.append('}');
    }

    private static void collect(JsonNode node, String path, int depth, List<String> paths, List<String> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String child = path + "." + field.getKey();
            if (value.isObject() && depth < MAX_DEPTH) {
                collect(value, child, depth + 1, paths, values);
            } else if (value.isValueNode() && !value.isNull()) {
                paths.add(child);
                values.add(value.asText());
            }
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
