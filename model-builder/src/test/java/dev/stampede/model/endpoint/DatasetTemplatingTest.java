package dev.stampede.model.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Formats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templating the real paths of the shared datasets ({@code ../shared/datasets}; see their SOURCE.md). */
class DatasetTemplatingTest {

    private static final Path DATASETS =
            Path.of("..", "..", "shared", "datasets").toAbsolutePath().normalize();

    @Test
    void apacheSitePathsCollapseIntoFarFewerTemplates() throws IOException {
        List<RequestRecord> records = parse("elastic-apache-combined/apache_logs");
        assertThat(records).hasSizeGreaterThan(9_990);
        Set<String> distinctTargets = distinct(records);

        EndpointCatalog catalog = learnAndCheck(records);

        assertThat(distinctTargets).hasSizeGreaterThan(1_400);
        assertThat(catalog.endpoints().size() * 2).isLessThan(distinctTargets.size());
        assertThat(catalog.classify("GET", "/files/blogposts/20080310/")
                        .endpoint()
                        .key())
                .isEqualTo("GET /files/blogposts/{date}/");
        assertThat(catalog.classify("GET", "/blog/tags/puppet?flav=rss20")
                        .endpoint()
                        .key())
                .isEqualTo("GET /blog/tags/{var}?flav");
        assertThat(catalog.classify("GET", "/favicon.ico").endpoint().key()).isEqualTo("GET /favicon.ico");
        assertThat(catalog.classify("GET", "/presentations/logstash-puppetconf-2012/")
                        .endpoint()
                        .key())
                .isEqualTo("GET /presentations/logstash-puppetconf-2012/");
    }

    @Test
    void nginxDownloadPathsStayAsTheyAre() throws IOException {
        List<RequestRecord> records = parse("elastic-nginx-combined/nginx_logs.first29479");
        assertThat(records).hasSize(29_479);

        EndpointCatalog catalog = learnAndCheck(records);

        // Three download URLs, GET and HEAD: nothing to collapse and nothing invented.
        assertThat(distinct(records)).hasSize(5);
        assertThat(catalog.endpoints().stream().map(Endpoint::pathTemplate).distinct())
                .containsExactlyInAnyOrder("/downloads/product_1", "/downloads/product_2", "/downloads/product_3");
    }

    /** Learns, then checks that every record classifies to a learned endpoint with one value per slot. */
    private static EndpointCatalog learnAndCheck(List<RequestRecord> records) {
        EndpointLearner learner = new EndpointLearner();
        records.forEach(learner::observe);
        EndpointCatalog catalog = learner.freeze();
        Set<Endpoint> learned = new HashSet<>(catalog.endpoints());
        SlotValues values = new SlotValues();
        for (RequestRecord record : records) {
            Endpoint endpoint = catalog.classify(record.method(), record.uri(), values);
            assertThat(learned).contains(endpoint);
            assertThat(values.size()).isEqualTo(endpoint.slots().size());
        }
        return catalog;
    }

    private static Set<String> distinct(List<RequestRecord> records) {
        Set<String> targets = new HashSet<>();
        records.forEach(record -> targets.add(record.method() + " " + record.uri()));
        return targets;
    }

    private static List<RequestRecord> parse(String file) throws IOException {
        Path path = DATASETS.resolve(file);
        assertThat(path)
                .as("the datasets beside the repository (see ../shared/datasets/README.md)")
                .exists();
        LineParser parser = ((LineFormat) Formats.resolve("combined")).newParser();
        List<RequestRecord> records = new ArrayList<>();
        // One char per byte, as the log parser reads.
        for (String line : Files.readAllLines(path, StandardCharsets.ISO_8859_1)) {
            RequestRecord record = new RequestRecord();
            if (parser.parse(line, record) == null) {
                records.add(record);
            }
        }
        return records;
    }
}
