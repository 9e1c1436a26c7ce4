/**
 * The record store: a Chronicle Queue directory of request records in start-time order, with a
 * versioned header. A reader refuses a version it does not know, with a clear error.
 *
 * <p>Rules: Chronicle runs only with the flags the root pom defines ({@code stampede.jvm.args}),
 * including {@code -Dchronicle.analytics.disable=true}; nothing here opens a network connection.
 *
 * <p>Status: arrives with issue #4.
 */
package dev.stampede.logparser.store;
