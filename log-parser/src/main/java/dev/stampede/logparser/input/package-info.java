/**
 * Reading input: files, directories, globs and stdin; {@code .gz} and {@code .zst}; splitting large
 * files into chunks for parallel parsing; merging many files (one per LB node, rotated) into one
 * time-ordered stream; progress (lines per second).
 *
 * <p>Lines are split as bytes ({@link dev.stampede.logparser.input.LineReader} into a {@link
 * dev.stampede.logparser.input.LineBatch}, searching with {@link
 * dev.stampede.logparser.input.ByteSearch} eight bytes at a time) and handed to the parse workers
 * without a string per line.
 */
package dev.stampede.logparser.input;
