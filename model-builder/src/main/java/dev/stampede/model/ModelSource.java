package dev.stampede.model;

/** The store a model was built from: its path, log format, record count and time range (ISO-8601 UTC). */
public record ModelSource(String store, String format, long records, String firstStart, String lastStart) {}
