package dev.stampede.logparser.format;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.format.alb.AlbLogFormat;
import dev.stampede.logparser.format.apache.ApacheLogFormat;
import dev.stampede.logparser.format.gor.GorFormat;
import dev.stampede.logparser.format.har.HarFormat;
import dev.stampede.logparser.format.json.JsonLinesFormat;
import dev.stampede.logparser.format.nginx.NginxFormat;
import dev.stampede.logparser.format.w3c.W3cLogFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a {@code --format} spec into a format. Forms: {@code nginx:'<log_format>'} or {@code
 * nginx:<preset>}; a bare preset ({@code combined}, {@code main}, {@code stampede}); and the other
 * families registered in {@link #FAMILIES}. Quotes around the definition are optional (the shell
 * usually takes them).
 */
public final class Formats {

    /** Prefix (before the colon) to the factory taking what follows it. */
    private static final Map<String, Function<String, LogFormat>> FAMILIES = new LinkedHashMap<>();

    /** Bare names to the spec they stand for. */
    private static final Map<String, String> PRESETS = new LinkedHashMap<>();

    static {
        FAMILIES.put(
                "nginx",
                definition -> isWord(definition) ? NginxFormat.preset(definition) : NginxFormat.compile(definition));
        FAMILIES.put(
                "apache",
                definition -> ApacheLogFormat.presets().containsKey(definition)
                        ? ApacheLogFormat.preset(definition)
                        : ApacheLogFormat.compile(definition));
        FAMILIES.put("json", Formats::json);
        FAMILIES.put("alb", definition -> noDefinition("alb", definition, AlbLogFormat.create()));
        FAMILIES.put("w3c", definition -> noDefinition("w3c", definition, W3cLogFormat.create()));
        FAMILIES.put("gor", definition -> noDefinition("gor", definition, GorFormat.create()));
        FAMILIES.put("har", definition -> noDefinition("har", definition, HarFormat.create()));
        // nginx's and Apache's combined lines are the same; the nginx parser reads both.
        PRESETS.put("combined", "nginx:combined");
        PRESETS.put("main", "nginx:main");
        PRESETS.put("stampede", "nginx:stampede");
        PRESETS.put("common", "apache:common");
        PRESETS.put("vhost_combined", "apache:vhost_combined");
    }

    private Formats() {}

    /**
     * The format {@code spec} names.
     *
     * @throws IllegalArgumentException saying what is wrong with the spec and which forms exist
     */
    public static LogFormat resolve(String spec) {
        String trimmed = spec.trim();
        String preset = PRESETS.get(trimmed);
        if (preset != null) {
            return resolve(preset);
        }
        int colon = trimmed.indexOf(':');
        String family = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Function<String, LogFormat> factory = FAMILIES.get(family);
        if (factory == null) {
            throw new IllegalArgumentException("unknown format '" + spec + "'; use one of " + forms());
        }
        String definition = colon < 0 ? "" : unquote(trimmed.substring(colon + 1));
        return factory.apply(definition);
    }

    /** Every accepted form, for messages and help. */
    public static String forms() {
        StringBuilder forms = new StringBuilder();
        for (String family : FAMILIES.keySet()) {
            forms.append(family).append(":<definition|preset>, ");
        }
        forms.append("or a preset: ").append(String.join(", ", PRESETS.keySet()));
        return forms.toString();
    }

    /** Registers a format family (used by the format packages' wiring in this class only). */
    static void register(String family, Function<String, LogFormat> factory) {
        FAMILIES.put(family, factory);
    }

    /** Registers a bare preset name for a spec. */
    static void preset(String name, String spec) {
        PRESETS.put(name, spec);
    }

    /**
     * {@code json:<field map>} (inline {@code field=path,...}, inline JSON, or a mapping file), or {@code
     * json:wrap=<path>,inner=<spec>} for lines whose field holds the real line in another format.
     */
    private static LogFormat json(String definition) {
        JsonLinesFormat.WrapSpec wrap = JsonLinesFormat.WrapSpec.parse(definition);
        if (wrap == null) {
            return JsonLinesFormat.fromSpec(definition);
        }
        LogFormat inner = resolve(wrap.innerSpec());
        if (!(inner instanceof LineFormat line)) {
            throw new IllegalArgumentException(
                    "json:wrap needs an inner line format; " + wrap.innerSpec() + " is not one");
        }
        return JsonLinesFormat.wrapping(wrap.path(), line);
    }

    private static LogFormat noDefinition(String family, String definition, LogFormat format) {
        if (!definition.isEmpty()) {
            throw new IllegalArgumentException("the " + family + " format takes no definition: use --format " + family);
        }
        return format;
    }

    private static boolean isWord(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    private static String unquote(String text) {
        String t = text.trim();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
