package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPoolReaderTest {

    private static final List<String> TRICKY = List.of(
            "a,b",
            "say \"hi\"",
            "\"",
            ",",
            "line1\nline2",
            "cr\r\nlf",
            "lone\rcr",
            " leading space",
            "trailing ",
            "",
            "<tail>",
            "<tail> ",
            "股票代码",
            "📈 up",
            "=SUM(A1)",
            "tab\there",
            "''",
            "\uFEFFbom");

    @TempDir
    Path dir;

    private final DataPoolWriter writer = new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults()));

    @Test
    void trickyValuesSurviveTheRoundTrip() throws IOException {
        ValueSketch sketch = new ValueSketch(100);
        for (int i = 0; i < TRICKY.size(); i++) {
            sketch.add(TRICKY.get(i), 100 - i);
        }
        DataPool written = writer.write(dir, Map.of("query.q", sketch));
        PoolSlot read = DataPoolReader.read(dir).slot("query.q");
        assertThat(read).isEqualTo(written.slot("query.q"));
        assertThat(read.rows()).extracting(PoolRow::value).containsExactlyElementsOf(TRICKY);
        assertThat(read.rows()).extracting(PoolRow::weight).startsWith(100L, 99L, 98L);
        assertThat(read.tailWeight()).isZero();
        String text = Files.readString(dir.resolve(read.file()), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\n\"a,b\",100\n\"say \"\"hi\"\"\",99\n")
                .contains("\n\"<tail>\",90\n")
                .endsWith("\n<tail>,0\n");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() throws IOException {
        ValueSketch sketch = new ValueSketch(4);
        sketch.add("bad\uD800x");
        writer.write(dir, Map.of("q", sketch));
        assertThat(DataPoolReader.read(dir).slot("q").rows()).containsExactly(new PoolRow("bad\uFFFDx", 1));
    }

    @Test
    void aFullSketchPutsItsUncertainCountsInTheTail() throws IOException {
        ValueSketch sketch = new ValueSketch(2);
        sketch.add("a", 10);
        sketch.add("b", 3);
        sketch.add("c", 1); // takes b's counter: count 4, error 3, guaranteed 1
        DataPool pool = writer.withMaxRows(5).write(dir, Map.of("q", sketch));
        assertThat(pool.slot("q").rows()).containsExactly(new PoolRow("a", 10), new PoolRow("c", 1));
        assertThat(pool.slot("q").tailWeight()).isEqualTo(3);

        DataPool limited = writer.withMaxRows(1).write(dir.resolve("one"), Map.of("q", sketch));
        assertThat(limited.slot("q").rows()).containsExactly(new PoolRow("a", 10));
        assertThat(limited.slot("q").tailWeight()).isEqualTo(4);
    }

    @Test
    void fileNamesAreSafeAndDistinct() throws IOException {
        Map<String, ValueSketch> slots = new TreeMap<>();
        for (String slot : List.of(
                "GET /a query.x", "GET /A QUERY.X", "../../etc/hosts", "index", "con", "", "股票 代码", "x".repeat(200))) {
            ValueSketch sketch = new ValueSketch(2);
            sketch.add("v");
            slots.put(slot, sketch);
        }
        DataPool pool = writer.write(dir, slots);
        assertThat(pool.slots())
                .extracting(PoolSlot::file)
                .containsExactly(
                        "slot.csv",
                        "etc_hosts.csv",
                        "GET_A_QUERY.X.csv",
                        "GET_a_query.x-2.csv",
                        "slot_con.csv",
                        "index-2.csv",
                        "x".repeat(80) + ".csv",
                        "股票_代码.csv");
        assertThat(DataPoolReader.read(dir).slots()).isEqualTo(pool.slots());
    }

    @Test
    void malformedPoolFilesAreErrorsNamingFileLineAndField() throws IOException {
        assertFileError("", ":0: empty file; expected the header value,weight");
        assertFileError("value,count\na,1\n", ":1: the header must be value,weight, was value,count");
        assertFileError("value,weight\na,1\nb,2,3\n", ":3: 3 fields, expected 2");
        assertFileError("value,weight\na,x\n", ":2: field 'weight' must be a whole number of at least 0, was 'x'");
        assertFileError("value,weight\na,-1\n", "field 'weight'");
        assertFileError("value,weight\na,1.5\n", "field 'weight'");
        assertFileError("value,weight\na,1\nb,1\n\"a\",2\n", ":4: field 'value' repeats the value on line 2");
        assertFileError("value,weight\n<tail>,1\na,1\n<tail>,2\n", ":4: a second tail row (the first is on line 2)");
        assertFileError("value,weight\n\"a,1\n", ":2: a quoted field is not closed");
    }

    @Test
    void handWrittenFilesNeedNoTailAndAQuotedMarkerIsAValue() throws IOException {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "value,weight\r\n600519,3\r\n\"<tail>\",1\r\n\r\n", StandardCharsets.UTF_8);
        PoolSlot slot = DataPoolReader.readFile(file, "code", IdentityKind.NONE);
        assertThat(slot.rows()).containsExactly(new PoolRow("600519", 3), new PoolRow("<tail>", 1));
        assertThat(slot.tailWeight()).isZero();
    }

    @Test
    void malformedIndexesAreErrors() throws IOException {
        assertThatThrownBy(() -> DataPoolReader.read(dir)).hasMessageContaining("index.csv:0: no data pool index here");
        Files.writeString(dir.resolve("a.csv"), "value,weight\nv,1\n", StandardCharsets.UTF_8);
        assertIndexError("slot,file,kind\nq,b.csv,none\n", ":2: field 'file': b.csv does not exist");
        assertIndexError(
                "slot,file,kind\nq,../a.csv,none\n", ":2: field 'file' must name a file in the pool directory");
        assertIndexError("slot,file,kind\nq,a.csv,friend\n", ":2: field 'kind': unknown identity kind 'friend'");
        assertIndexError(
                "slot,file,kind\nq,a.csv,none\nq,a.csv,none\n", ":3: slot 'q' is listed twice (first on line 2)");
        assertIndexError("slot,file\nq,a.csv\n", ":1: the header must be slot,file,kind");
        Files.writeString(
                dir.resolve("index.csv"), "slot,file,kind\nq,a.csv,none\npw,,secret\n", StandardCharsets.UTF_8);
        DataPool pool = DataPoolReader.read(dir);
        assertThat(pool.slot("pw")).isEqualTo(new PoolSlot("pw", null, IdentityKind.SECRET, List.of(), 0));
        assertThat(pool.has("nope")).isFalse();
        assertThatThrownBy(() -> pool.slot("nope")).hasMessageContaining("no slot 'nope'");
    }

    private void assertFileError(String text, String message) throws IOException {
        Path file = dir.resolve("pool.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DataPoolReader.readFile(file, "q", IdentityKind.NONE))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }

    private void assertIndexError(String text, String message) throws IOException {
        Path index = dir.resolve("index.csv");
        Files.writeString(index, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DataPoolReader.read(dir))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(index.toString())
                .hasMessageContaining(message);
    }
}
