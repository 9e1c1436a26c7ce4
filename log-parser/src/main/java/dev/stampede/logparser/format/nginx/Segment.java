package dev.stampede.logparser.format.nginx;

/**
 * One piece of a compiled {@code log_format}: the variable and the literal text that follows it (empty
 * for the last variable when the format ends with it). The format's leading literal is kept apart.
 */
record Segment(String variable, Decoder decoder, String followingLiteral, boolean quoted) {}
