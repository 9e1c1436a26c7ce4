/**
 * The W3C extended log format as IIS writes it ({@link dev.stampede.logparser.format.w3c.W3cLogFormat}).
 *
 * <p>Rules: a document is read sequentially by one thread, because {@code #Fields} directives change the
 * layout of the lines after them. The format is immutable; each read has its own reader state. Malformed
 * lines are rejections naming the field and its column, never exceptions; only I/O failures throw.
 */
package dev.stampede.logparser.format.w3c;
