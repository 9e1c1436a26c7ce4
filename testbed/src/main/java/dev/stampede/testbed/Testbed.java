package dev.stampede.testbed;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.core.OrderProcessor;
import dev.stampede.testbed.core.Pause;
import dev.stampede.testbed.core.ServiceTime;
import dev.stampede.testbed.core.TradingCore;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.gateway.ApiRoutes;
import dev.stampede.testbed.gateway.Gateway;
import dev.stampede.testbed.gateway.SessionStore;
import dev.stampede.testbed.http.HttpTier;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.UpstreamClient;
import dev.stampede.testbed.lb.AccessLogWriter;
import dev.stampede.testbed.lb.AccessLogging;
import dev.stampede.testbed.lb.LoadBalancer;
import dev.stampede.testbed.lb.NginxLogFormat;
import dev.stampede.testbed.metrics.TierMetrics;
import dev.stampede.testbed.service.AccountService;
import dev.stampede.testbed.service.MarketService;
import dev.stampede.testbed.service.OrderService;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole chain, running in this process on loopback: LB -> gateways -> market, account and order
 * services -> trading core. Start with {@link #start}; {@link #close()} stops everything and flushes
 * the access log. The demo, the integration tests and {@code stampede testbed} all use this class.
 */
public final class Testbed implements AutoCloseable {

    private final TestbedSettings settings;
    private final AccountTable accounts;
    private final SessionStore sessions;
    private final EventLoopGroup group;
    private final OrderProcessor processor;
    private final TradingCore core;
    private final List<HttpTier> tiers = new ArrayList<>();
    private final List<UpstreamClient> clients = new ArrayList<>();
    private final AccessLogWriter accessLog;
    private final HttpTier lb;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Testbed(TestbedSettings settings, NanoClock clock) {
        this.settings = settings.validate();
        this.accounts = AccountTable.generate(settings.accounts(), settings.seed());
        this.sessions = new SessionStore(clock, TimeUnit.SECONDS.toNanos(settings.sessionTimeoutSeconds()));
        this.group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        ServiceTime serviceTime = ServiceTime.parse(settings.serviceTime(), settings.meanServiceTimeNanos());
        this.processor = new OrderProcessor(
                settings.coreWorkers(),
                settings.effectiveCoreQueue(),
                serviceTime,
                Pause.parking(clock),
                settings.seed());
        this.core = new TradingCore(accounts, processor, settings.testMark(), settings.ipoLimitQty(), clock);
        boolean started = false;
        try {
            HttpTier coreTier = tier("core", 0, core, clock);
            registerCoreGauges(coreTier.metrics());
            UpstreamClient toCore = client(coreTier);
            Map<ApiRoutes.Service, UpstreamClient> services = new EnumMap<>(ApiRoutes.Service.class);
            services.put(ApiRoutes.Service.MARKET, client(tier("market", 0, new MarketService(clock), clock)));
            services.put(
                    ApiRoutes.Service.ACCOUNT,
                    client(tier("account", 0, new AccountService("account", toCore, clock), clock)));
            services.put(
                    ApiRoutes.Service.ORDER, client(tier("order", 0, new OrderService("order", toCore, clock), clock)));
            List<UpstreamClient> gateways = new ArrayList<>();
            for (int i = 1; i <= settings.gateways(); i++) {
                String name = "gateway-" + i;
                Gateway gateway =
                        new Gateway(name, accounts, sessions, services, clock, settings.sessionTimeoutSeconds());
                gateways.add(client(tier(name, 0, gateway, clock)));
            }
            this.lb = tier("lb", settings.lbPort(), new LoadBalancer(gateways, clock), clock);
            this.accessLog = settings.accessLog() == null
                    ? null
                    : new AccessLogWriter(settings.accessLog(), NginxLogFormat.compile(settings.effectiveLogFormat()));
            if (accessLog != null) {
                lb.onCompletion(new AccessLogging(accessLog, clock));
                lb.metrics()
                        .counter(
                                "testbed_access_log_lines_total", "Access log lines written.", accessLog::linesWritten);
                lb.metrics()
                        .counter(
                                "testbed_access_log_stalls_total",
                                "Times a request had to wait for room in the access log queue.",
                                accessLog::stalls);
            }
            started = true;
        } finally {
            if (!started) {
                close();
            }
        }
    }

    /** Starts the chain described by {@code settings} (validated first). */
    public static Testbed start(TestbedSettings settings, NanoClock clock) {
        return new Testbed(settings, clock);
    }

    private HttpTier tier(String name, int port, TierHandler handler, NanoClock clock) {
        HttpTier tier = HttpTier.start(name, new InetSocketAddress(settings.host(), port), group, handler, clock);
        tiers.add(tier);
        return tier;
    }

    private UpstreamClient client(HttpTier upstream) {
        UpstreamClient client = new UpstreamClient(
                upstream.address(), group, settings.upstreamConnections(), settings.upstreamTimeoutMs());
        clients.add(client);
        return client;
    }

    private void registerCoreGauges(TierMetrics metrics) {
        metrics.gauge("testbed_queue_depth", "Orders waiting for a trading-core worker.", processor::queueDepth);
        metrics.gauge("testbed_queue_depth_max", "Deepest the trading-core queue has been.", processor::maxQueueDepth);
        metrics.gauge(
                "testbed_queue_capacity",
                "Trading-core queue length; beyond it orders get 503.",
                processor::queueCapacity);
        metrics.gauge("testbed_workers_busy", "Trading-core workers busy now.", processor::busyWorkers);
        metrics.gauge("testbed_workers", "Trading-core workers.", processor::workers);
        metrics.counter(
                "testbed_rejected_total", "Orders refused with 503 because the queue was full.", processor::rejected);
        metrics.counter(
                "testbed_shadow_writes_total",
                "Writes to the shadow store (marked traffic).",
                () -> core.shadow().writes());
        metrics.counter(
                "testbed_live_writes_total",
                "Writes to the live store (unmarked traffic).",
                () -> core.live().writes());
    }

    /** The load balancer's base URL, e.g. {@code http://127.0.0.1:8080}: the chain's front door. */
    public String url() {
        return lb.url();
    }

    /** Every tier, innermost first: core, market, account, order, gateways, lb. */
    public List<HttpTier> tiers() {
        return Collections.unmodifiableList(tiers);
    }

    /** The tier named {@code name}. */
    public HttpTier tier(String name) {
        return tiers.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tier " + name));
    }

    public TradingCore core() {
        return core;
    }

    public AccountTable accounts() {
        return accounts;
    }

    public TestbedSettings settings() {
        return settings;
    }

    /** Sessions currently open. */
    public int openSessions() {
        return sessions.size();
    }

    /** The access log writer, or {@code null} when not logging. */
    public AccessLogWriter accessLog() {
        return accessLog;
    }

    /** Stops accepting, then closes connections, flushes the access log and stops the workers. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = tiers.size() - 1; i >= 0; i--) {
            tiers.get(i).close();
        }
        clients.forEach(UpstreamClient::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        processor.close();
        if (accessLog != null) {
            accessLog.close();
        }
    }
}
