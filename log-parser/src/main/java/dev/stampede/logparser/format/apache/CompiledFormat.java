package dev.stampede.logparser.format.apache;

/** A LogFormat compiled into segments. Immutable and shared by every parser of the format. */
record CompiledFormat(String logFormat, Segment[] segments) {}
