package dev.stampede.logparser.format.json;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;

/** One thread's parser of a {@link JsonLinesFormat}: reads a line's mapped values, then maps them. */
final class JsonLineParser implements LineParser {

    private final JsonLineReader reader;
    private final Extraction values;
    private final LineMapping.Mapper mapper;

    JsonLineParser(JsonLineReader reader, int slots, LineMapping.Mapper mapper) {
        this.reader = reader;
        this.values = new Extraction(slots);
        this.mapper = mapper;
    }

    @Override
    public Rejection parse(String line, RequestRecord record) {
        if (line.isBlank()) {
            return Rejection.of(Rejection.Reason.EMPTY, "empty line");
        }
        Rejection why = reader.read(line, values);
        return why != null ? why : mapper.map(values, record);
    }
}
