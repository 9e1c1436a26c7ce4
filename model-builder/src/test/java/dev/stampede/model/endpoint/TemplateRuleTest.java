package dev.stampede.model.endpoint;

import static dev.stampede.model.endpoint.EndpointTemplatingTest.keys;
import static dev.stampede.model.endpoint.EndpointTemplatingTest.learn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRuleTest {

    private static final String ORDER_RULE = "^/api/v\\d+/order/(?<orderId>[^/]+)$ => /api/vN/order/{orderId}";

    @Test
    void parsesTheRuleFromTheIssue() {
        TemplateRule rule = TemplateRule.parse(ORDER_RULE);

        assertThat(rule.method()).isNull();
        assertThat(rule.pattern().pattern()).isEqualTo("^/api/v\\d+/order/(?<orderId>[^/]+)$");
        assertThat(rule.template()).isEqualTo("/api/vN/order/{orderId}");
        assertThat(rule.slotNames()).containsExactly("orderId");
        assertThat(rule.text()).isEqualTo(ORDER_RULE);
    }

    @Test
    void aRuleMayNameItsMethod() {
        TemplateRule rule = TemplateRule.parse("POST   /api/(?<svc>[a-z]+)/submit   =>   /api/{svc}/submit");

        assertThat(rule.method()).isEqualTo("POST");
        assertThat(rule.template()).isEqualTo("/api/{svc}/submit");
        EndpointCatalog catalog = learn(
                TemplatingOptions.defaults().withRules(List.of(rule)),
                List.of("POST /api/trade/submit", "GET /api/trade/submit"));
        assertThat(keys(catalog)).containsExactly("GET /api/trade/submit", "POST /api/{svc}/submit");
    }

    @Test
    void rulesWinOverDetectionAndTheFirstMatchWins() {
        List<TemplateRule> rules = List.of(
                TemplateRule.parse(ORDER_RULE),
                TemplateRule.parse("/api/v1/order/(?<other>.*) => /never/{other}"),
                TemplateRule.parse("/user/(?<name>[^/]+)/avatar\\.png => /user/{name}/avatar.png"));
        EndpointCatalog catalog = learn(
                TemplatingOptions.defaults().withRules(rules),
                List.of(
                        "GET /api/v1/order/20261121?detail=1",
                        "GET /api/v2/order/A-77",
                        "GET /user/alice/avatar.png",
                        "GET /api/v1/quote/600519"));

        assertThat(keys(catalog))
                .containsExactly(
                        "GET /api/v1/quote/{code}",
                        "GET /api/vN/order/{orderId}",
                        "GET /api/vN/order/{orderId}?detail",
                        "GET /user/{name}/avatar.png");
        EndpointMatch match = catalog.classify("GET", "/api/v3/order/20261121?detail=1");
        // Detection would have said {date}; the rule's name and template win.
        assertThat(match.endpoint().key()).isEqualTo("GET /api/vN/order/{orderId}?detail");
        assertThat(match.values()).containsExactly("20261121", "1");
    }

    @Test
    void aRuleMatchesTheWholeRawPath() {
        EndpointCatalog catalog = learn(
                TemplatingOptions.defaults().withRules(List.of(TemplateRule.parse("/s/(?<term>[^/]+) => /s/{term}"))),
                List.of("GET /s/a%2Fb"));

        EndpointMatch match = catalog.classify("GET", "/s/a%2Fb");
        assertThat(match.endpoint().key()).isEqualTo("GET /s/{term}");
        assertThat(match.values()).containsExactly("a%2Fb");
        // Not a prefix match: a longer path is not the rule's.
        assertThat(catalog.classify("GET", "/s/a/more").endpoint().key()).isEqualTo("GET /s/a/more");
    }

    @Test
    void rulesFilesSkipCommentsAndCountLines() {
        List<TemplateRule> rules =
                TemplateRule.parseLines(List.of("# order ids", "", ORDER_RULE, "  /x => /x  "), "rules.txt");
        assertThat(rules).hasSize(2);

        assertThatThrownBy(() -> TemplateRule.parseLines(List.of("# c", "/x(?<a>\\d+) => /x"), "rules.txt"))
                .hasMessageStartingWith("rules.txt:2: bad template rule: named group 'a' is not used");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/a/(?<id>\\d+)                | no '=>' between the regex and the template",
                "=> /a                         | no regex before '=>'",
                "/a/(?<id>\\d+) =>             | no template after '=>'",
                "/a/(?<id>\\d+ => /a/{id}      | bad regex: Unclosed group",
                "/a/(?<id>\\d+) => a/{id}      | the template must start with '/'",
                "/a/(?<id>\\d+) => /a/{id      | '{' without '}' in the template",
                "/a/(?<id>\\d+) => /a/id}      | '}' without '{' in the template",
                "/a/(?<id>\\d+) => /a/{}       | slot name '' must be a letter",
                "/a/(?<id>\\d+) => /a/{id}/{id} | slot {id} appears twice in the template",
                "/a/(?<id>\\d+) => /a/{x}      | named group 'id' is not used in the template",
                "/a/(\\d+) => /a/{id}          | slot {id} has no named group (?<id>...) in the regex",
                "G<T /a => /a                  | 'G<T' is not an HTTP method",
                "GET /a b => /a                | the regex has a space",
            })
    void badRulesSayWhatIsWrong(String text, String problem) {
        assertThatThrownBy(() -> TemplateRule.parse(text, "--rule #1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--rule #1: bad template rule: " + problem)
                .hasMessageContaining("\n  " + text);
    }

    @Test
    void aCaretPointsAtTheProblem() {
        assertThatThrownBy(() -> TemplateRule.parse("/a/(?<id>\\d+ => /a/{id}"))
                .hasMessageEndingWith("\n  /a/(?<id>\\d+ => /a/{id}\n              ^");
        assertThatThrownBy(() -> TemplateRule.parse("/a/(?<id>\\d+) => /a/{x}"))
                .hasMessageEndingWith("\n  /a/(?<id>\\d+) => /a/{x}\n     ^");
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(
            delimiter = ';',
            value = {
                "^/api/v\\d+/order/(?<id>[^/]+)$ ; /api/v",
                "/api/orders?/(?<id>\\d+)        ; /api/order",
                "^/api/x+/y                      ; /api/x",
                "^/a\\.b/(?<id>.*)               ; /a.b/",
                "(?i)/api/(?<id>.*)              ; ''",
                "^/a/(?<id>.*)|/b/(?<x>.*)       ; ''",
            })
    void literalPrefix(String regex, String prefix) {
        assertThat(TemplateRule.literalPrefix(regex)).isEqualTo(prefix);
    }

    @Test
    void namedGroupsSkipEscapesAndClasses() {
        assertThat(TemplateRuleParser.namedGroups("\\(?<no>x)[(?<nor>)](?<yes>a)(?<=b)(?<!c)\\Q(?<q>)\\E(?<last>z)"))
                .containsExactly("yes", "last");
    }
}
