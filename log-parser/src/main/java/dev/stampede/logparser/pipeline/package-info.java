/**
 * The parse pipeline: inputs in, one time-ordered stream of records out, every line accounted for.
 *
 * <p>Per input, a reader thread splits lines into batches; a pool of parse workers parses batches in
 * parallel (line formats) while the input's order is kept; a document format reads its input on the
 * reader thread. Each input's records pass a bounded reorder buffer (slightly unsorted logs are put
 * right within {@code reorderWindow}); inputs are merged by start time. A record that arrives later
 * than the window allows is rejected as {@code out-of-order}, counted and shown, never misplaced.
 *
 * <p>Every line read ends as exactly one of: parsed (written), rejected (by reason), or skipped by a
 * filter. Memory is bounded by the batch size, the batches in flight and the reorder window, not by
 * the input's size.
 */
package dev.stampede.logparser.pipeline;
