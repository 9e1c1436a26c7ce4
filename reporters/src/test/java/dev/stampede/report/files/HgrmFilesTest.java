package dev.stampede.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HgrmFilesTest {

    @Test
    void anEndpointsNameBecomesASafeFileName() {
        assertThat(HgrmFiles.stem("GET /api/quote/{code}")).isEqualTo("GET_api_quote_code");
        assertThat(HgrmFiles.stem("POST /api/v1.2/order-items")).isEqualTo("POST_api_v1.2_order-items");
        assertThat(HgrmFiles.stem("GET /../../etc/passwd")).isEqualTo("GET_.._.._etc_passwd");
        assertThat(HgrmFiles.stem("../x")).as("no hidden files").isEqualTo("x");
        assertThat(HgrmFiles.stem("GET /çà/ü")).isEqualTo("GET");
        assertThat(HgrmFiles.stem("x".repeat(200))).hasSize(80);
    }

    @Test
    void namesThatWouldCollideTakeAHashOfTheirNameWhateverTheOrder() {
        List<String> endpoints = List.of("GET /a-b", "GET /a_b", "GET /A(b)", "GET /other", "latency", "日本");

        Map<String, String> names = HgrmFiles.fileNames(endpoints);
        List<String> backwards = new ArrayList<>(endpoints);
        Collections.reverse(backwards);
        Map<String, String> reversed = HgrmFiles.fileNames(backwards);

        assertThat(names.get("GET /a-b")).isEqualTo("GET_a-b.hgrm");
        assertThat(names.get("GET /a_b")).matches("GET_a_b-[0-9a-f]{8}\\.hgrm");
        assertThat(names.get("GET /A(b)")).matches("GET_A_b-[0-9a-f]{8}\\.hgrm");
        assertThat(names.get("GET /other")).isEqualTo("GET_other.hgrm");
        assertThat(names.get("latency")).as("the overall file's name is taken").matches("latency-[0-9a-f]{8}\\.hgrm");
        assertThat(names.get("日本")).matches("endpoint-[0-9a-f]{8}\\.hgrm");
        assertThat(names.values().stream()
                        .map(name -> name.toLowerCase(java.util.Locale.ROOT))
                        .distinct())
                .hasSize(endpoints.size());
        assertThat(reversed).isEqualTo(names);
    }
}
