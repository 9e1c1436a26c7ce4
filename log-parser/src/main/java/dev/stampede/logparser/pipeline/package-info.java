/**
 * The parse pipeline: inputs in, one time-ordered stream of records out, every line accounted for.
 *
 * <p>Per input, a reader thread splits lines into batches; a pool of parse workers parses batches in
 * parallel (line formats) while the input's order is kept; a document format reads its input on the
 * reader thread. Each input's records pass a bounded reorder buffer (slightly unsorted logs are put
 * right within {@code reorderWindow}); inputs are merged by start time. A record that arrives later
 * than the window allows is rejected as {@code out-of-order}, counted and shown, never misplaced.
 *
 * <p>Lines travel as bytes: the reader copies them into a {@link dev.stampede.logparser.input.LineBatch}
 * and a worker parses each with {@code LineParser.parse(LineBatch, int, RequestRecord)}, so a parser
 * that reads bytes in place (nginx) makes no string of the line; the worker makes one only for a
 * rejected line, to show it.
 *
 * <p>Every line read ends as exactly one of: parsed (written), rejected (by reason), or skipped by a
 * filter. Memory is bounded by the batch size, the batches in flight and the reorder window, not by
 * the input's size.
 */
package dev.stampede.logparser.pipeline;
