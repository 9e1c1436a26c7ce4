package dev.stampede.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code stampede run}'s flags for its control API ({@code stampede ctl} talks to it). */
final class ControlFlags {

    /** The port the control API takes unless told otherwise (any free one when it is taken). */
    static final int DEFAULT_PORT = 7787;

    @Option(
            names = "--control-port",
            paramLabel = "PORT",
            description = "Port of the control API (default: " + DEFAULT_PORT + ", or any free port when that is"
                    + " taken; 0: any free port). `stampede ctl` changes the rate, pauses, resumes, stops.")
    Integer port;

    @Option(
            names = "--control-bind",
            paramLabel = "ADDRESS",
            description = "Address the control API listens on (default: 127.0.0.1, loopback only).")
    String bind = "127.0.0.1";

    @Option(
            names = "--control-token-file",
            paramLabel = "FILE",
            description = "Bearer token of the control API, first line of FILE (default: $STAMPEDE_CONTROL_TOKEN,"
                    + " else a new random token, printed and written to RESULT_DIR/control.token).")
    Path tokenFile;

    @Option(names = "--no-control", description = "Run without a control API (Ctrl-C still stops the run).")
    boolean off;
}
