package dev.stampede.testbed.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.testbed.gateway.ApiRoutes.Service;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRoutesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST   | /api/login              | POST /api/login",
                "POST   | /api/logout             | POST /api/logout",
                "GET    | /api/quote/600519       | GET /api/quote/{code}",
                "GET    | /api/quote/00700.HK     | GET /api/quote/{code}",
                "GET    | /api/kline/AAPL         | GET /api/kline/{code}",
                "GET    | /api/account/balance    | GET /api/account/balance",
                "GET    | /api/account/positions  | GET /api/account/positions",
                "POST   | /api/order              | POST /api/order",
                "GET    | /api/order/17           | GET /api/order/{id}",
                "DELETE | /api/order/17           | DELETE /api/order/{id}",
                "POST   | /api/ipo/subscribe      | POST /api/ipo/subscribe"
            })
    void everyPublicRouteHasItsTemplate(String method, String path, String template) {
        assertThat(ApiRoutes.template(HttpMethod.valueOf(method), path)).isEqualTo(template);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/api",
                "/api/",
                "/api/other",
                "/api/quote/",
                "/api/kline/",
                "/api/order/",
                "/api/account/",
                "/api/account/other",
                "/api/ipo/other",
                "/api/loginx",
                "/health"
            })
    void otherPathsAreUnmatched(String path) {
        assertThat(ApiRoutes.template(HttpMethod.GET, path)).isEqualTo("unmatched");
        assertThat(ApiRoutes.template(HttpMethod.POST, path)).isEqualTo("unmatched");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/quote/600519      | MARKET",
                "/api/kline/AAPL        | MARKET",
                "/api/quote/            | MARKET",
                "/api/account/balance   | ACCOUNT",
                "/api/account/positions | ACCOUNT",
                "/api/order             | ORDER",
                "/api/order/17          | ORDER",
                "/api/ipo/subscribe     | ORDER"
            })
    void eachPrefixBelongsToItsService(String path, Service service) {
        assertThat(ApiRoutes.serviceFor(path)).isEqualTo(service);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/api/login", "/api/logout", "/api/other", "/api/orders", "/api/quote", "/api/account"})
    void otherPathsBelongToNoService(String path) {
        assertThat(ApiRoutes.serviceFor(path)).isNull();
    }
}
