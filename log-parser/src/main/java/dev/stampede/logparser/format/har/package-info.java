/**
 * HAR 1.2 files ({@link dev.stampede.logparser.format.har.HarFormat}), read with Jackson's streaming
 * parser.
 *
 * <p>Threading: the format (and its Jackson factory) is immutable and shared; each read has its own
 * parser and document reader, used by the one thread that reads the input. Memory: the entry being
 * read (its request; response bodies are skipped unread). Malformed content is a rejection told to the
 * sink, never an exception; only I/O failures throw.
 */
package dev.stampede.logparser.format.har;
