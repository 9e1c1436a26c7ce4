/**
 * How result files are written, the same by every stage: whole (aside, then moved in place) and, for
 * JSON, in one byte-stable style. See {@link dev.stampede.common.files.ResultFiles}.
 */
package dev.stampede.common.files;
