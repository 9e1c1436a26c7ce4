package dev.stampede.model.pool;

/**
 * One value of a data pool file and its weight, the number of times it was certainly seen.
 *
 * @param value the value as a replay sends it: already masked
 * @param weight at least 1 as written; a reader accepts 0
 */
public record PoolRow(String value, long weight) {}
