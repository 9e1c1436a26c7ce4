/**
 * The log-parser stage: peak-period access logs in, a time-ordered store of request records out.
 *
 * <p>This package is the stage's public API (the request record, the format interface, the store
 * reader/writer entry points); everything else lives in the sub-packages. The stage accounts for
 * every input line: each one becomes a record or a counted, reported malformed line.
 *
 * <p>Status: the module holds the Chronicle Queue runtime check today; formats, input and the store
 * arrive with the log-parser issue (#4).
 */
package dev.stampede.logparser;
