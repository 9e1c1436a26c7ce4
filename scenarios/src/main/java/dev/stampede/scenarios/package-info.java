/**
 * Ready-made inputs: sample access logs today ({@code samples/} on the classpath, indexed by {@code
 * samples/samples.properties}, with sources and licence in {@code samples/NOTICE.md}); the users'
 * scenario files (daily pre-release replay, monthly drill, IPO spike, capacity search) arrive with the
 * end-to-end issue (#9), each run against the testbed by a test here.
 */
package dev.stampede.scenarios;
