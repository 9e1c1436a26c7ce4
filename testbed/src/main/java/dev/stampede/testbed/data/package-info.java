/**
 * The testbed's reference data, generated deterministically from a seed so that a run can be repeated
 * and its ground truth exported: the account table (users, passwords, account ids, starting cash and
 * holdings) and the instruments (stock codes from Shanghai, Shenzhen, Hong Kong and the US, plus the
 * IPO on offer). Immutable, shared by all tiers and threads.
 */
package dev.stampede.testbed.data;
