package dev.stampede.logparser.format.apache;

/** One piece of a compiled format: literal text the line must contain, or a field. Immutable. */
abstract sealed class Segment permits LiteralSegment, FieldSegment {}
