package dev.stampede.logparser.format.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Mutations;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 50,000 seeded lines (good lines mutated, random JSON built from the mapped keys, noise) through several
 * field maps and a wrapper: every line is parsed or rejected, none throws, and a parsed record has what a
 * record must have.
 */
class JsonLinesFuzzTest {

    private static final String[] KEYS = {
        "t",
        "@timestamp",
        "ts",
        "request",
        "method",
        "uri",
        "m",
        "u",
        "r",
        "http",
        "http.request.method",
        "url",
        "url.original",
        "status",
        "s",
        "bytes",
        "duration_ms",
        "event",
        "duration",
        "log",
        "message",
        "a.b",
        "a",
        "b",
        "targets",
        "uri",
        "response",
        "client",
        "ip",
        "ua",
        "session",
        "host"
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> GOOD = List.of(
            "{\"@timestamp\":\"2024-03-04T09:15:02.438Z\",\"request\":{\"method\":\"GET\",\"uri\":\"/v1/q?d=5\"},"
                    + "\"response\":{\"status\":200,\"bytes\":2048},\"client\":{\"ip\":\"203.0.113.24\"},"
                    + "\"duration_ms\":43.5,\"host\":\"h\",\"ua\":\"okhttp\",\"session\":\"s-91f2\"}",
            "{\"t\":1709543702.5,\"m\":\"POST\",\"u\":\"/orders\",\"r\":\"PUT /x HTTP/1.1\",\"a.b\":\"/ab\"}",
            "{\"log\":\"{\\\"ts\\\":\\\"2024-03-04T09:15:02Z\\\",\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/\\\"}\\n\"}",
            "{\"http.request.method\":\"GET\",\"url.original\":\"/\",\"@timestamp\":\"04/Mar/2024:10:15:02 +0100\"}",
            "{\"@timestamp\":\"2024-03-04T09:15:02.123456Z\",\"event\":{\"duration\":1534200},\"http\":{\"version\":"
                    + "\"1.1\",\"request.method\":\"POST\",\"response\":{\"status_code\":201,\"body.bytes\":87}},"
                    + "\"url.original\":\"/v1/orders?account=7\",\"source\":{\"ip\":\"198.51.100.7\"}}");

    @Test
    void everyLineIsParsedOrRejectedAndNoneThrows() {
        List<LineParser> parsers = List.of(
                JsonLinesFormat.fromSpec(JsonLinesFormatTest.BRIEF_SPEC).newParser(),
                JsonLinesFormat.fromSpec("end_time=t,request=r,method=m,uri=a.b,request_time=duration_ms:ms,"
                                + "upstream_time=s,body=request,header.x=targets[1]")
                        .newParser(),
                JsonLinesFormat.fromSpec(JsonLinesFormatTest.ECS_SPEC).newParser(),
                JsonLinesFormat.wrapping(
                                "log",
                                JsonLinesFormat.fromSpec("time=ts,method=method,path=path,query=query,status=status"))
                        .newParser());
        SplittableRandom random = new SplittableRandom(20240304);
        int[] parsed = new int[parsers.size()];
        int[] rejected = new int[parsers.size()];
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < 50_000; i++) {
            String line = switch (random.nextInt(4)) {
                case 0 -> randomJson(random);
                case 1 -> Mutations.next(GOOD, random);
                case 2 -> withOddValues(GOOD.get(random.nextInt(GOOD.size())), random);
                default -> envelope(withOddValues(GOOD.get(random.nextInt(GOOD.size())), random), random);
            };
            for (int p = 0; p < parsers.size(); p++) {
                Rejection why = parsers.get(p).parse(line, record.reset());
                if (why == null) {
                    parsed[p]++;
                    assertThat(record.startMicros()).as(line).isNotEqualTo(RequestRecord.UNKNOWN);
                    assertThat(record.method()).as(line).isNotEmpty();
                    assertThat(record.uri()).as(line).isNotEmpty();
                } else {
                    rejected[p]++;
                    assertThat(why.reason()).as(line).isNotNull();
                    assertThat(why.column()).as(line).isNotNegative();
                    assertThat(why.describe()).as(line).isNotEmpty();
                }
            }
        }
        // Both outcomes are common, so the lines test the parsers rather than only their first check.
        for (int p = 0; p < parsers.size(); p++) {
            assertThat(parsed[p]).as("parsed by parser %d", p).isGreaterThan(500);
            assertThat(rejected[p]).as("rejected by parser %d", p).isGreaterThan(1_000);
        }
    }

    /** Valid JSON, odd values: {@code line} with some leaves replaced by values of any type, or dropped. */
    private static String withOddValues(String line, SplittableRandom random) {
        try {
            JsonNode tree = MAPPER.readTree(line);
            replaceLeaves(tree, random);
            return tree.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replaceLeaves(JsonNode node, SplittableRandom random) {
        if (node instanceof ObjectNode object) {
            for (String name : copy(object.fieldNames())) {
                JsonNode child = object.get(name);
                if (child.isContainerNode()) {
                    replaceLeaves(child, random);
                } else if (random.nextInt(4) == 0) {
                    if (random.nextInt(5) == 0) {
                        object.remove(name);
                    } else {
                        StringBuilder value = new StringBuilder();
                        value(value, random, 5);
                        object.set(name, readTree(value.toString()));
                    }
                } else if (child.isTextual() && random.nextInt(3) == 0) {
                    object.put(name, Mutations.mutate(child.asText(), random));
                }
            }
        }
    }

    /** A Docker envelope around {@code inner}. */
    private static String envelope(String inner, SplittableRandom random) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("log", inner + (random.nextBoolean() ? "\n" : ""));
        envelope.put("stream", "stdout");
        return envelope.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static <T> List<T> copy(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /** A random JSON object over the keys the maps use, with values of every type. */
    private static String randomJson(SplittableRandom random) {
        StringBuilder json = new StringBuilder();
        object(json, random, 0);
        return json.toString();
    }

    private static void object(StringBuilder json, SplittableRandom random, int depth) {
        json.append('{');
        int fields = random.nextInt(0, 8);
        for (int f = 0; f < fields; f++) {
            json.append(f == 0 ? "" : ",")
                    .append('"')
                    .append(KEYS[random.nextInt(KEYS.length)])
                    .append("\":");
            value(json, random, depth + 1);
        }
        json.append('}');
    }

    private static void value(StringBuilder json, SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        switch (kind) {
            case 0 -> json.append(random.nextLong());
            case 1 -> json.append(random.nextDouble() * Math.pow(10, random.nextInt(-5, 20)));
            case 2 ->
                json.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
            case 3 -> json.append(random.nextBoolean() ? "null" : "true");
            case 4 -> json.append(random.nextInt(100, 1000));
            case 5 ->
                json.append("\"")
                        .append(random.nextLong(0, 2_000_000_000_000_000_000L))
                        .append('"');
            case 6 -> object(json, random, depth);
            default -> {
                json.append('[');
                int elements = random.nextInt(0, 4);
                for (int e = 0; e < elements; e++) {
                    json.append(e == 0 ? "" : ",");
                    value(json, random, depth + 1);
                }
                json.append(']');
            }
        }
    }

    private static final String[] STRINGS = {
        "GET",
        "POST",
        "G T",
        "",
        "-",
        "/",
        "/v1/q?x=1",
        "GET / HTTP/1.1",
        "GET",
        "2024-03-04T09:15:02Z",
        "2024-13-04T09:15:02Z",
        "04/Mar/2024:10:15:02 +0100",
        "1709543702",
        "0.1, 0.2 : -",
        "1e999",
        "\\u20ac",
        "\\n",
        "\\\"",
        "1.1",
        "HTTP/2.0",
        "a=b; c=d",
        "203.0.113.9, 10.0.0.1"
    };
}
