/**
 * Request sources: streaming replay of the record store (speed, window, filters, loop, session
 * cloning above 1x) and model-driven sessions. Pull-based, bounded memory. Status: arrives with issue
 * #6.
 */
package dev.stampede.engine.source;
