/**
 * The trading core: a bounded worker pool and queue with a configurable service-time distribution,
 * giving the chain a real capacity; the live and shadow stores. Status: arrives with issue #3.
 */
package dev.stampede.testbed.core;
