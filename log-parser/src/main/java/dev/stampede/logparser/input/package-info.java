/**
 * Reading input: files, directories, globs and stdin; {@code .gz} and {@code .zst}; splitting large
 * files into chunks for parallel parsing; merging many files (one per LB node, rotated) into one
 * time-ordered stream; progress (lines per second).
 *
 * <p>Status: arrives with issue #4.
 */
package dev.stampede.logparser.input;
