package dev.stampede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stampede.control.RunStopper;
import dev.stampede.control.live.ControlServer;
import dev.stampede.control.live.ControlToken;
import dev.stampede.control.live.LiveRate;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A run's control API as {@code stampede run} sets it up: the token (a file, the environment, or new),
 * the server on its address, and {@code RESULT_DIR/control.json} (URL) and {@code control.token} (a new
 * token, owner-readable only) so that {@code stampede ctl --run RESULT_DIR} finds both.
 */
final class RunControl implements AutoCloseable {

    /** Where a run notes its control API's URL. */
    static final String CONTROL_JSON = "control.json";
    /** Where a run keeps a token it generated. */
    static final String TOKEN_FILE = "control.token";

    private final ControlServer server;

    private RunControl(ControlServer server) {
        this.server = server;
    }

    /**
     * Starts the control API (null when {@code --no-control}), printing where it is and how to use it.
     *
     * @throws IOException when the address cannot be bound or the token read
     */
    static RunControl start(
            ControlFlags flags,
            LiveRate rate,
            RunStopper stopper,
            Supplier<Map<String, Object>> status,
            Path resultDir,
            PrintWriter out)
            throws IOException {
        if (flags.off) {
            return null;
        }
        ControlToken token;
        String tokenFrom;
        if (flags.tokenFile != null) {
            token = ControlToken.read(flags.tokenFile);
            tokenFrom = "the token in " + flags.tokenFile;
        } else if (System.getenv(ControlToken.ENV) != null
                && !System.getenv(ControlToken.ENV).isBlank()) {
            token = ControlToken.of(System.getenv(ControlToken.ENV));
            tokenFrom = "the token in $" + ControlToken.ENV;
        } else {
            token = ControlToken.generate(new SecureRandom());
            Path file = resultDir.resolve(TOKEN_FILE);
            writeOwnerOnly(file, token.value() + "\n");
            tokenFrom = "token " + token.value() + " (also in " + file + ")";
        }
        ControlServer server;
        int port = flags.port != null ? flags.port : ControlFlags.DEFAULT_PORT;
        try {
            server = ControlServer.start(new InetSocketAddress(flags.bind, port), token, rate, stopper, status);
        } catch (BindException e) {
            if (flags.port != null) {
                throw new IOException("--control-port " + port + " on " + flags.bind + ": " + e.getMessage(), e);
            }
            server = ControlServer.start(new InetSocketAddress(flags.bind, 0), token, rate, stopper, status);
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("url", server.url().toString());
        note.put(
                "tokenFile",
                flags.tokenFile != null ? flags.tokenFile.toAbsolutePath().toString() : null);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(resultDir.resolve(CONTROL_JSON).toFile(), note);
        out.println("control API: " + server.url() + ", " + tokenFrom);
        out.println("  stampede ctl --run " + resultDir + " status | rate N | multiply K | pause | resume | stop");
        out.flush();
        return new RunControl(server);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file system's own permissions apply
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
