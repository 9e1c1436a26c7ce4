package dev.stampede.model.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EndpointTemplatingTest {

    /** Learns from {@code "METHOD uri"} lines with the default options. */
    static EndpointCatalog learn(String... requests) {
        return learn(TemplatingOptions.defaults(), List.of(requests));
    }

    static EndpointCatalog learn(TemplatingOptions options, List<String> requests) {
        EndpointLearner learner = new EndpointLearner(options);
        for (String request : requests) {
            int space = request.indexOf(' ');
            learner.observe(request.substring(0, space), request.substring(space + 1));
        }
        return learner.freeze();
    }

    static List<String> keys(EndpointCatalog catalog) {
        return catalog.endpoints().stream().map(Endpoint::key).toList();
    }

    @Test
    void theExampleFromTheIssue() {
        EndpointCatalog catalog = learn("GET /api/quote/600519?fields=px");

        EndpointMatch match = catalog.classify("GET", "/api/quote/600519?fields=px");

        assertThat(match.endpoint().key()).isEqualTo("GET /api/quote/{code}?fields");
        assertThat(match.endpoint().method()).isEqualTo("GET");
        assertThat(match.endpoint().pathTemplate()).isEqualTo("/api/quote/{code}");
        assertThat(match.endpoint().slots())
                .containsExactly(new Slot("code", Slot.Kind.PATH, null), new Slot("fields", Slot.Kind.QUERY, "fields"));
        assertThat(match.values()).containsExactly("600519", "px");
        assertThat(keys(catalog)).containsExactly("GET /api/quote/{code}?fields");
    }

    @Test
    void eachValueClassBecomesANamedSlot() {
        EndpointCatalog catalog = learn(
                "GET /api/order/1001",
                "GET /api/quote/00700.HK",
                "GET /api/session/123e4567-e89b-12d3-a456-426614174000",
                "GET /api/kline/2026-11-21",
                "GET /api/tick/20261121",
                "GET /api/object/507f1f77bcf86cd799439011",
                "GET /api/reset/Xk9_2bQz-7LmA4pR1sT0vW");

        assertThat(keys(catalog))
                .containsExactlyInAnyOrder(
                        "GET /api/order/{id}",
                        "GET /api/quote/{code}",
                        "GET /api/session/{uuid}",
                        "GET /api/kline/{date}",
                        "GET /api/tick/{date}",
                        "GET /api/object/{hex}",
                        "GET /api/reset/{token}");
    }

    @Test
    void falsePositivesStayLiteral() {
        EndpointCatalog catalog = learn(
                "GET /api/v1/accounts",
                "GET /static/app.0.js",
                "GET /favicon.ico",
                "GET /index.html",
                "POST /api/login",
                "GET /api/quote",
                "GET /API/status",
                "GET /HTTP");

        assertThat(keys(catalog))
                .containsExactlyInAnyOrder(
                        "GET /api/v1/accounts",
                        "GET /static/app.0.js",
                        "GET /favicon.ico",
                        "GET /index.html",
                        "POST /api/login",
                        "GET /api/quote",
                        "GET /API/status",
                        "GET /HTTP");
    }

    @Test
    void tickersAreSlotsOnlyWhereSeveralShareThePosition() {
        EndpointCatalog catalog = learn(
                "GET /us/quote/AAPL", "GET /us/quote/MSFT", "GET /us/quote/BRK.B", "GET /us/quote/list", "GET /API/x");

        assertThat(keys(catalog)).containsExactlyInAnyOrder("GET /us/quote/{code}", "GET /us/quote/list", "GET /API/x");
        // An unseen ticker at the same position is a value too.
        assertThat(catalog.classify("GET", "/us/quote/TSLA").endpoint().key()).isEqualTo("GET /us/quote/{code}");
    }

    @Test
    void aTickerBesideStockCodesIsACode() {
        EndpointCatalog catalog = learn("GET /quote/600519", "GET /quote/AAPL");

        assertThat(keys(catalog)).containsExactly("GET /quote/{code}");
        assertThat(catalog.classify("GET", "/quote/NVDA").values()).containsExactly("NVDA");
    }

    @Test
    void twoTickersAloneAreNotEnoughEvidence() {
        EndpointCatalog catalog = learn("GET /docs/API", "GET /docs/FAQ");

        assertThat(keys(catalog)).containsExactlyInAnyOrder("GET /docs/API", "GET /docs/FAQ");
    }

    @Test
    void tenThousandUserNamesAreOneTemplate() {
        Random random = new Random(7);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String name = randomName(random);
            requests.add("GET /user/" + name);
            requests.add("GET /user/" + name + "/profile");
        }
        requests.add("GET /user/");
        EndpointLearner learner = new EndpointLearner();
        for (String request : requests) {
            learner.observe("GET", request.substring(4));
        }

        // Memory stays bounded: the cap stops /user/ from holding thousands of children.
        assertThat(learner.nodeCount())
                .isLessThan(2 * TemplatingOptions.defaults().maxLiteralChildren());
        EndpointCatalog catalog = learner.freeze();

        assertThat(keys(catalog)).containsExactlyInAnyOrder("GET /user/{var}", "GET /user/{var}/profile", "GET /user/");
        EndpointMatch unseen = catalog.classify("GET", "/user/zed/profile");
        assertThat(unseen.endpoint().key()).isEqualTo("GET /user/{var}/profile");
        assertThat(unseen.value("var")).isEqualTo("zed");
    }

    @Test
    void belowTheCapLiteralsStay() {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Resource names asked for often: not rare, so not values.
            for (int hit = 0; hit < 5; hit++) {
                requests.add("GET /api/" + resourceName(i));
            }
        }
        EndpointCatalog catalog = learn(TemplatingOptions.defaults(), requests);

        assertThat(catalog.endpoints()).hasSize(30);
        assertThat(catalog.classify("GET", "/api/unseen").endpoint().key()).isEqualTo("GET /api/unseen");
    }

    @Test
    void manyRareLeavesAreValues() {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add("GET /blog/" + resourceName(i) + ".html");
        }
        requests.add("GET /blog/");
        EndpointCatalog catalog = learn(TemplatingOptions.defaults(), requests);

        assertThat(keys(catalog)).containsExactlyInAnyOrder("GET /blog/{var}", "GET /blog/");
    }

    @Test
    void theCapIsAnOption() {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add("GET /api/" + resourceName(i));
        }
        TemplatingOptions options = TemplatingOptions.defaults().withMaxLiteralChildren(5);

        assertThat(keys(learn(options, requests))).containsExactly("GET /api/{var}");
        assertThat(keys(learn(options, requests.subList(0, 5)))).hasSize(5);
    }

    @Test
    void cappingMergesSubtreesAndKeepsTheirValuePositions() {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add("GET /t/" + resourceName(i) + "/orders/" + (1000 + i));
            requests.add("GET /t/" + resourceName(i) + "/orders/recent");
        }
        TemplatingOptions options = TemplatingOptions.defaults().withMaxLiteralChildren(3);

        assertThat(keys(learn(options, requests)))
                .containsExactlyInAnyOrder("GET /t/{var}/orders/{id}", "GET /t/{var}/orders/recent");
    }

    @Test
    void repeatedSlotNamesGetSuffixes() {
        EndpointCatalog catalog = learn("GET /a/1/b/2/c/3?id=4");

        EndpointMatch match = catalog.classify("GET", "/a/1/b/2/c/3?id=4");
        assertThat(match.endpoint().key()).isEqualTo("GET /a/{id}/b/{id_2}/c/{id_3}?id");
        assertThat(match.endpoint().slots().stream().map(Slot::name)).containsExactly("id", "id_2", "id_3", "id_4");
        assertThat(match.value("id_4")).isEqualTo("4");
    }

    @Test
    void aPositionIsNamedByTheValuesItTook() {
        EndpointCatalog catalog = learn("GET /q/600519", "GET /q/000001", "GET /q/00700");

        // One position, one endpoint: 00700 is a number by shape, but the position holds codes.
        assertThat(keys(catalog)).containsExactly("GET /q/{code}");
    }

    @Test
    void percentEncodingIsDecodedToClassifyAndKeptInValues() {
        EndpointCatalog catalog = learn("GET /files/%31%32%33", "GET /tags/a~b", "GET /tags/a%7Eb");

        EndpointMatch number = catalog.classify("GET", "/files/%31%32%33");
        assertThat(number.endpoint().key()).isEqualTo("GET /files/{id}");
        assertThat(number.values()).containsExactly("%31%32%33");
        // One literal, however spelled; the template keeps the logged spelling.
        assertThat(keys(catalog)).containsExactlyInAnyOrder("GET /files/{id}", "GET /tags/a%7Eb");
        assertThat(catalog.classify("GET", "/tags/a~b").endpoint().key()).isEqualTo("GET /tags/a%7Eb");
        assertThat(keys(learn("GET /tags/a%7Eb", "GET /tags/a~b"))).containsExactly("GET /tags/a%7Eb");
    }

    @Test
    void queryNamesAreSortedAndDecodedValuesStayRaw() {
        EndpointCatalog catalog = learn("GET /s?q=a%20b&page=2&page=3&f%5B%5D=x+y&flag");

        EndpointMatch match = catalog.classify("GET", "/s?q=a%20b&page=2&page=3&f%5B%5D=x+y&flag");
        assertThat(match.endpoint().key()).isEqualTo("GET /s?f[]&flag&page&page&q");
        assertThat(match.endpoint().queryNames()).containsExactly("f[]", "flag", "page", "page", "q");
        assertThat(match.endpoint().slots().stream().map(Slot::name))
                .containsExactly("f[]", "flag", "page", "page_2", "q");
        assertThat(match.values()).containsExactly("x+y", "", "2", "3", "a%20b");
        // Order of parameters does not matter; values never enter the key.
        assertThat(catalog.classify("GET", "/s?page=9&page=8&flag&q=z&f[]=1").endpoint())
                .isEqualTo(match.endpoint());
    }

    @Test
    void queryShapesAreSeparateEndpointsUntilTheirCap() {
        EndpointCatalog catalog = learn("GET /s?q=a", "GET /s?q=a&page=2", "GET /s", "GET /s?");

        assertThat(keys(catalog)).containsExactly("GET /s", "GET /s?page&q", "GET /s?q");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("GET /cb?_" + i + "=1");
        }
        many.add("GET /cb");
        EndpointCatalog collapsed = learn(TemplatingOptions.defaults(), many);
        assertThat(keys(collapsed)).containsExactly("GET /cb", "GET /cb?*");
        EndpointMatch match = collapsed.classify("GET", "/cb?_3=1");
        assertThat(match.endpoint().queryKeptWhole()).isTrue();
        assertThat(match.endpoint().slots()).containsExactly(new Slot("query", Slot.Kind.QUERY_STRING, null));
        assertThat(match.values()).containsExactly("_3=1");
    }

    @Test
    void emptyQueryPiecesAreSkippedAndHugeQueriesKeptWhole() {
        StringBuilder huge = new StringBuilder("GET /h?");
        for (int i = 0; i < QueryParameters.MAX_PARAMETERS + 1; i++) {
            huge.append("p").append(i).append("=1&");
        }
        EndpointCatalog catalog = learn("GET /s?&&a=1&", huge.toString());

        assertThat(keys(catalog)).containsExactly("GET /h?*", "GET /s?a");
        assertThat(catalog.classify("GET", "/s?a=1&&").values()).containsExactly("1");
        assertThat(catalog.classify("GET", huge.substring(4)).values()).containsExactly(huge.substring(7));
    }

    @Test
    void methodsShareTheTrieButNotTheEndpoint() {
        EndpointCatalog catalog = learn("GET /order/1", "DELETE /order/2", "HEAD /order/3");

        assertThat(keys(catalog)).containsExactly("DELETE /order/{id}", "GET /order/{id}", "HEAD /order/{id}");
        assertThat(catalog.classify("PUT", "/order/4").endpoint().key()).isEqualTo("PUT /order/{id}");
    }

    @Test
    void unseenPathsAfterFreezingStillGetTemplates() {
        EndpointCatalog catalog = learn("GET /api/quote/600519");

        assertThat(catalog.classify("GET", "/api/new/2026-11-21/42/x")
                        .endpoint()
                        .key())
                .isEqualTo("GET /api/new/{date}/{id}/x");
        assertThat(catalog.classify("GET", "/other/7/7").endpoint().key()).isEqualTo("GET /other/{id}/{id_2}");
        EndpointMatch beyond = catalog.classify("GET", "/api/quote/600519/depth/3");
        assertThat(beyond.endpoint().key()).isEqualTo("GET /api/quote/{code}/depth/{id}");
        assertThat(beyond.values()).containsExactly("600519", "3");
    }

    @Test
    void pathShapes() {
        EndpointCatalog catalog =
                learn("GET /", "GET /a/", "GET /a", "GET //x", "OPTIONS *", "GET http://example.com:8080/p/9?x=1");

        assertThat(keys(catalog))
                .containsExactlyInAnyOrder("GET /", "GET /a/", "GET /a", "GET //x", "OPTIONS *", "GET /p/{id}?x");
        assertThat(catalog.classify("GET", "/a/#frag").endpoint().key()).isEqualTo("GET /a/");
    }

    @Test
    void everyObservedRequestClassifiesToALearnedEndpoint() {
        Random random = new Random(11);
        List<String> requests = generatedTraffic(random, 5_000);
        EndpointCatalog catalog = learn(TemplatingOptions.defaults(), requests);

        for (String request : requests) {
            int space = request.indexOf(' ');
            Endpoint endpoint = catalog.classify(request.substring(0, space), request.substring(space + 1))
                    .endpoint();
            assertThat(catalog.endpoints()).contains(endpoint);
        }
    }

    @Test
    void theOrderOfRecordsDoesNotMatter() {
        List<String> requests = generatedTraffic(new Random(3), 5_000);
        TemplatingOptions options = TemplatingOptions.defaults().withMaxLiteralChildren(20);
        List<String> expected = keys(learn(options, requests));

        for (int seed = 0; seed < 3; seed++) {
            List<String> shuffled = new ArrayList<>(requests);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(keys(learn(options, shuffled))).isEqualTo(expected);
        }
        assertThat(expected).contains("GET /user/{var}/orders/{id}", "GET /api/quote/{code}?fields");
    }

    @Test
    void theNodeBudgetCapsInsteadOfGrowing() {
        EndpointLearner learner =
                new EndpointLearner(TemplatingOptions.defaults().withMaxTrieNodes(50));
        for (int i = 0; i < 1_000; i++) {
            learner.observe("GET", "/" + resourceName(i % 40) + "/" + resourceName(i) + "/x");
        }
        assertThat(learner.nodeCount()).isLessThanOrEqualTo(60);
        assertThat(learner.freeze().endpoints()).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void aFrozenLearnerRefusesMore() {
        EndpointLearner learner = new EndpointLearner();
        learner.freeze();

        assertThatThrownBy(() -> learner.observe("GET", "/")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(learner::freeze).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void slotValuesAreReusable() {
        EndpointCatalog catalog = learn("GET /q/600519?f=1");
        SlotValues values = new SlotValues();

        catalog.classify("GET", "/q/600519?f=1", values);
        Endpoint endpoint = catalog.classify("GET", "/q/000001", values);

        assertThat(endpoint.key()).isEqualTo("GET /q/{code}");
        assertThat(values.toList()).containsExactly("000001");
    }

    /** Users with names, their orders, quotes by code, and static files: a small trading site. */
    static List<String> generatedTraffic(Random random, int count) {
        List<String> requests = new ArrayList<>();
        String[] codes = {"600519", "000001", "300750", "00700.HK", "601318"};
        for (int i = 0; i < count; i++) {
            String request = switch (random.nextInt(6)) {
                case 0 -> "GET /user/" + randomName(random) + "/orders/" + random.nextInt(100_000);
                case 1 -> "GET /api/quote/" + codes[random.nextInt(codes.length)] + "?fields=px";
                case 2 -> "POST /api/order?sig=" + random.nextInt(1000);
                case 3 -> "GET /static/app." + random.nextInt(3) + ".js";
                case 4 ->
                    "GET /api/kline/" + codes[random.nextInt(codes.length)] + "?period=1m&count=" + random.nextInt(500);
                default -> "GET /api/search?q=" + randomName(random) + (random.nextBoolean() ? "&page=2" : "");
            };
            requests.add(request);
        }
        return requests;
    }

    static String randomName(Random random) {
        int length = 4 + random.nextInt(6);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A distinct lower-case word per index. */
    static String resourceName(int index) {
        StringBuilder name = new StringBuilder("r");
        int rest = index;
        do {
            name.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return name.toString();
    }
}
