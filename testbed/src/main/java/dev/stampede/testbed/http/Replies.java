package dev.stampede.testbed.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** JSON in and out, the way every testbed service speaks. */
public final class Replies {

    /** Shared, thread-safe after configuration. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {}

    /** A JSON response with {@code body} serialised by Jackson. */
    public static FullHttpResponse json(HttpResponseStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + body.getClass().getName(), e);
        }
        return bytes(status, HttpHeaderValues.APPLICATION_JSON.toString(), bytes);
    }

    /** {@code {"error": message}} with {@code status}. */
    public static FullHttpResponse error(HttpResponseStatus status, String message) {
        return json(status, Map.of("error", message));
    }

    /** {@link #error} as an already completed stage, for handlers that answer at once. */
    public static CompletionStage<FullHttpResponse> errorNow(HttpResponseStatus status, String message) {
        return CompletableFuture.completedFuture(error(status, message));
    }

    /** {@link #json} as an already completed stage. */
    public static CompletionStage<FullHttpResponse> jsonNow(HttpResponseStatus status, Object body) {
        return CompletableFuture.completedFuture(json(status, body));
    }

    /** An already built response as a completed stage. */
    public static CompletionStage<FullHttpResponse> now(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    /** A response with the given body bytes and content type. */
    public static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** A text response, UTF-8. */
    public static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a JSON object body.
     *
     * @throws BadRequestException when the body is empty, not JSON, or not an object
     */
    public static JsonNode parseObject(ByteBuf body) {
        if (!body.isReadable()) {
            throw new BadRequestException("request body is empty; expected a JSON object");
        }
        try (ByteBufInputStream in = new ByteBufInputStream(body.duplicate())) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new BadRequestException("request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("request body cannot be read: " + e.getMessage());
        }
    }

    /** A client mistake that becomes a 400 with its message. */
    public static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
