package dev.stampede.model.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.Transition;
import dev.stampede.model.fidelity.FidelityCheck;
import dev.stampede.model.fidelity.FidelityReport;
import dev.stampede.model.fidelity.FidelityThresholds;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models of the real logs in ../shared/datasets: templated paths, ip+ua sessions, a fidelity check. */
class ModelBuilderDatasetTest {

    private static final Pattern REQUEST = Pattern.compile("\"[A-Z]+ ([^ ?\"]+)");

    @TempDir
    Path dir;

    @Test
    void apacheCombinedLogTemplatesItsPathsAndCutsIpUaSessions() throws Exception {
        ModelBuild build = DatasetModels.build(dir, "elastic-apache-combined/apache_logs");
        BehaviourModel model = build.model();

        Set<String> paths = new HashSet<>();
        Matcher m = REQUEST.matcher(DatasetModels.text(DatasetModels.dataset("elastic-apache-combined/apache_logs")));
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertThat(model.source().records()).isEqualTo(9_999); // the one truncated line is rejected by the parser
        // 1,368 distinct paths, many of them one-off images and documents under small directories.
        long templates = model.endpoints().stream()
                .map(EndpointModel::pathTemplate)
                .distinct()
                .count();
        assertThat(templates).isLessThan((long) (0.6 * paths.size()));
        assertThat(model.endpoints()).anyMatch(e -> e.pathTemplate().contains("{"));
        assertThat(model.endpoints().stream().mapToLong(EndpointModel::count).sum())
                .isEqualTo(model.source().records());
        assertThat(model.endpoints().stream().mapToDouble(EndpointModel::share).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));

        assertThat(model.sessions().key()).isEqualTo("ip+ua");
        assertThat(model.sessions().requests()).isEqualTo(model.source().records());
        assertThat(model.sessions().sessions()).isBetween(500L, 9_999L);
        double entryShare = model.sessions().entry().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(entryShare).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        // Every endpoint's outgoing probabilities (exit included) sum to one.
        model.sessions().transitions().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Transition::from, java.util.stream.Collectors.summingDouble(Transition::probability)))
                .forEach((from, sum) ->
                        assertThat(sum).as(from).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(model.arrivals().records()).isEqualTo(model.source().records());

        FidelityReport report = FidelityCheck.run(model, build.source(), FidelityThresholds.defaults(), 3);
        assertThat(report.coverage()).isGreaterThan(0.95);
        assertThat(report.mixDistance()).isLessThan(0.05);
        assertThat(report.generatedSessions()).isEqualTo(16 * model.sessions().sessions());
    }

    @Test
    void nginxDatasetIsThreeDownloadPaths() throws Exception {
        BehaviourModel model = DatasetModels.build(dir, "elastic-nginx-combined/nginx_logs.first29479")
                .model();

        assertThat(model.endpoints())
                .extracting(EndpointModel::pathTemplate)
                .containsOnly("/downloads/product_1", "/downloads/product_2", "/downloads/product_3");
        assertThat(model.endpoints()).extracting(EndpointModel::method).containsOnly("GET", "HEAD");
        assertThat(model.sessions().sessions()).isPositive();
    }
}
