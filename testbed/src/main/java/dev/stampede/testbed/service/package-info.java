/**
 * The JSON services: quotes, kline, account, orders and IPO subscription. Status: arrives with issue
 * #3.
 */
package dev.stampede.testbed.service;
