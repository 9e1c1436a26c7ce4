/**
 * Types every Stampede stage shares, and nothing else: a type belongs here only when two stages need
 * it and neither owns it. Today that is the injected clock ({@link dev.stampede.common.time}), how result
 * files are written ({@link dev.stampede.common.files}) and the {@link dev.stampede.common.SuppressForbidden}
 * marker for the build's forbidden-API check.
 */
package dev.stampede.common;
