package dev.stampede.logparser.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters the progress line reads while the job runs; written by readers and workers. */
final class ParseCounters {
    final LongAdder linesRead = new LongAdder();
    final AtomicLong rawBytes = new AtomicLong();
}
