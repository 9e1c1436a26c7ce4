/**
 * The JSON services behind the gateway: {@link dev.stampede.testbed.service.MarketService} (quotes and
 * klines, from memory), {@link dev.stampede.testbed.service.AccountService} (balance and positions) and
 * {@link dev.stampede.testbed.service.OrderService} (orders, cancels, IPO subscriptions). The last two
 * validate and then call the trading core, passing on the account, the test mark and a child span.
 */
package dev.stampede.testbed.service;
