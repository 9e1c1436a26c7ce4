import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic nginx "combined" log for the parse benchmark: trading-app and browser traffic,
 * ~180 bytes a line, timestamps increasing with small jitter. Run with the JDK's source launcher:
 * {@code java GenerateNginxLog.java LINES FILE}.
 */
public class GenerateNginxLog {
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)",
        "StockApp/5.12.1 (Linux; Android 14; SM-S9180) okhttp/4.12.0",
        "curl/8.4.0"
    };
    private static final String[] REFERERS = {"-", "https://www.example.com/", "https://trade.example.com/market?tab=hot"};
    private static final int[] STATUSES = {200, 200, 200, 200, 304, 404, 503};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    public static void main(String[] args) throws IOException {
        long lines = Long.parseLong(args[0]);
        SplittableRandom random = new SplittableRandom(20261121L);
        double t = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.ISO_8859_1)) {
            for (long i = 0; i < lines; i++) {
                t += random.nextDouble() * 0.02;
                long s = (long) t;
                long clock = 9 * 3600 + s; // seconds since 2026-11-21T00:00+08:00; days roll over properly
                String path = switch (random.nextInt(10)) {
                    case 0, 1, 2, 3 -> String.format(Locale.ROOT, "/api/quote/%06d", 600000 + random.nextInt(300));
                    case 4, 5 -> String.format(Locale.ROOT, "/api/kline/%06d?period=1m&limit=%d", 600000 + random.nextInt(300),
                            10 + random.nextInt(490));
                    case 6 -> "/api/order";
                    case 7 -> "/api/account/balance";
                    case 8 -> String.format(Locale.ROOT, "/static/app.%d.js", random.nextInt(20));
                    default -> "/index.html";
                };
                StringBuilder line = new StringBuilder(200);
                line.append(1 + random.nextInt(223)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254))
                        .append(" - - [").append(two(21 + (int) (clock / 86400))).append('/').append(MONTHS[10])
                        .append("/2026:").append(two((int) (clock / 3600 % 24))).append(':')
                        .append(two((int) (clock / 60 % 60))).append(':').append(two((int) (clock % 60)))
                        .append(" +0800] \"").append(path.equals("/api/order") ? "POST" : "GET").append(' ')
                        .append(path).append(" HTTP/1.1\" ").append(STATUSES[random.nextInt(STATUSES.length)]).append(' ')
                        .append(random.nextInt(90_000)).append(" \"").append(REFERERS[random.nextInt(REFERERS.length)])
                        .append("\" \"").append(AGENTS[random.nextInt(AGENTS.length)]).append("\"\n");
                out.write(line.toString());
            }
        }
    }
}
