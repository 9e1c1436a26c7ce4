/**
 * AWS Application Load Balancer access logs ({@link dev.stampede.logparser.format.alb.AlbLogFormat}).
 *
 * <p>Rules: the format is immutable and shared; each parsing thread has its own parser, whose field
 * splitter keeps positions in preallocated arrays, so a line allocates only the strings the record keeps.
 * Malformed input is a rejection naming the documented field and its column, never an exception.
 */
package dev.stampede.logparser.format.alb;
