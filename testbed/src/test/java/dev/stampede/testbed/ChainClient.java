package dev.stampede.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.testbed.data.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP/1.1 client for tests of the running chain (the JDK's, so it shares no code with the testbed). */
final class ChainClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    ChainClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: status, headers and body. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Logs {@code account} in and returns the session token. */
    String login(Account account) {
        Reply reply =
                post("/api/login", "{\"user\":\"" + account.user() + "\",\"password\":\"" + account.password() + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply);
        }
        return reply.json().get("token").asText();
    }

    Reply get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    Reply delete(String path, String... headers) {
        return send(builder(path, headers).DELETE());
    }

    Reply post(String path, String json, String... headers) {
        return send(builder(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends without waiting; for load. */
    CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String... headers) {
        return http.sendAsync(
                builder(path, headers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Headers for a session: {@code Cookie: SESSION=<token>}. */
    static String[] session(String token, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Cookie";
        headers[1] = "SESSION=" + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
