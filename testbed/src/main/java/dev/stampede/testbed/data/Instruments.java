package dev.stampede.testbed.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instruments the simulated market lists, in popularity order (the first is the hottest). */
public final class Instruments {

    private static final List<Instrument> ALL = List.of(
            new Instrument("600519", "Kweichow Moutai", 1688.00, 100, false),
            new Instrument("300750", "CATL", 188.50, 100, false),
            new Instrument("00700.HK", "Tencent", 386.20, 100, false),
            new Instrument("601318", "Ping An Insurance", 45.30, 100, false),
            new Instrument("000858", "Wuliangye", 142.80, 100, false),
            new Instrument("600036", "China Merchants Bank", 33.10, 100, false),
            new Instrument("AAPL", "Apple", 227.50, 1, false),
            new Instrument("09988.HK", "Alibaba", 84.65, 100, false),
            new Instrument("000001", "Ping An Bank", 10.92, 100, false),
            new Instrument("601012", "LONGi Green Energy", 18.40, 100, false),
            new Instrument("TSLA", "Tesla", 251.30, 1, false),
            new Instrument("002594", "BYD", 265.00, 100, false),
            new Instrument("600900", "China Yangtze Power", 28.70, 100, false),
            new Instrument("03690.HK", "Meituan", 128.90, 100, false),
            new Instrument("688981", "SMIC", 52.60, 100, false),
            new Instrument("601988", "Bank of China", 4.21, 100, false),
            new Instrument("301999", "Stampede Robotics (IPO)", 36.88, 500, true));

    private static final Map<String, Instrument> BY_CODE = index();

    private Instruments() {}

    /** All instruments, tradable ones first in popularity order, then the IPO. */
    public static List<Instrument> all() {
        return ALL;
    }

    /** The tradable instruments in popularity order. */
    public static List<Instrument> tradable() {
        return ALL.stream().filter(i -> !i.ipo()).toList();
    }

    /** The instrument with this code, or {@code null}. */
    public static Instrument byCode(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** The IPO currently open for subscription. */
    public static Instrument openIpo() {
        return ALL.stream().filter(Instrument::ipo).findFirst().orElseThrow();
    }

    private static Map<String, Instrument> index() {
        Map<String, Instrument> byCode = new LinkedHashMap<>();
        for (Instrument instrument : ALL) {
            byCode.put(instrument.code(), instrument);
        }
        return Map.copyOf(byCode);
    }
}
