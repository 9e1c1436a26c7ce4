/**
 * The {@code stampede} command: the picocli front end, exit codes and version information.
 *
 * <p>Exit codes: 0 success, 1 a run failed, 2 a usage error (with a one-line hint). Subcommands are
 * registered in {@link dev.stampede.cli.StampedeCommand} only when they really work.
 */
package dev.stampede.cli;
