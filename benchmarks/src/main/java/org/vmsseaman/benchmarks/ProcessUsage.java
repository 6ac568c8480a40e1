package org.vmsseaman.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/** CPU time (process and Java threads by name), garbage collections and the machine's load over a window. */
final class ProcessUsage {

    private final long process0 = HistorianBench.processCpu();
    private final Map<String, Long> threads0 = HistorianBench.javaThreadCpu();
    private final long[] gcCount0 = gcCounts();
    private final long[] gcMillis0 = gcMillis();
    private final MachineLoad machine = new MachineLoad();

    double seconds;
    /** Process CPU, % of one core. */
    double processPercent;

    long gcCount;
    long gcMillis;
    MachineLoad.Result load;
    private List<Map.Entry<String, Long>> threads;

    /** Ends the window of {@code windowSeconds}. */
    ProcessUsage stop(double windowSeconds) {
        seconds = windowSeconds;
        load = machine.stop();
        processPercent = percent(HistorianBench.processCpu() - process0);
        threads = HistorianBench.delta(threads0, HistorianBench.javaThreadCpu());
        long[] counts = gcCounts();
        long[] millis = gcMillis();
        for (int i = 0; i < counts.length; i++) {
            gcCount += counts[i] - gcCount0[i];
            gcMillis += millis[i] - gcMillis0[i];
        }
        return this;
    }

    /** CPU of the Java threads whose name starts with {@code prefix}, % of one core. */
    double threadPercent(String prefix) {
        return percent(threads.stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum());
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        long javaThreads = 0;
        for (var e : threads) {
            javaThreads += e.getValue();
            if (percent(e.getValue()) >= 0.1) {
                b.append(String.format(", %s %.1f%%", e.getKey(), percent(e.getValue())));
            }
        }
        StringBuilder p = new StringBuilder();
        load.preemptions().forEach((name, n) -> p.append(p.length() == 0 ? "" : ", ")
                .append(name)
                .append(' ')
                .append(n));
        return String.format(
                "CPU %% of one core: process %.1f%% (other than Java threads, e.g. GC and JIT: %.1f%%%s); GC: %d"
                        + " collections, %d ms%n    machine: all cores %.0f%% busy (everyone's work), CPU pressure"
                        + " %.0f%% (time some task waited for a core); preemptions of this process's threads: %s",
                processPercent,
                processPercent - percent(javaThreads),
                b,
                gcCount,
                gcMillis,
                load.busyPercent(),
                load.pressurePercent(),
                p);
    }

    private double percent(long nanos) {
        return 100.0 * nanos / 1e9 / seconds;
    }

    private static long[] gcCounts() {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long[] counts = new long[gcs.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(0, gcs.get(i).getCollectionCount());
        }
        return counts;
    }

    private static long[] gcMillis() {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long[] millis = new long[gcs.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = Math.max(0, gcs.get(i).getCollectionTime());
        }
        return millis;
    }
}
