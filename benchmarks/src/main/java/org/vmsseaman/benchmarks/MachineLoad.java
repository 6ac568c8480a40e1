package org.vmsseaman.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How busy the machine was over a window, from Linux's {@code /proc} (all figures -1 elsewhere): CPU busy
 * time of all cores (everyone's work, not only this process), the CPU pressure stall ({@code some}: the
 * share of time at least one runnable task waited for a core) and this process's threads' involuntary
 * context switches (preemptions), by OS thread name.
 */
final class MachineLoad {

    private final long[] stat0 = cpuStat();
    private final long pressure0 = cpuPressureMicros();
    private final Map<String, Long> preemptions0 = preemptions();
    private final long start = System.nanoTime();

    /** % of all cores busy; CPU pressure, % of the time; preemptions by thread name. */
    record Result(double busyPercent, double pressurePercent, Map<String, Long> preemptions) {}

    Result stop() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] stat = cpuStat();
        double busy = -1;
        if (stat.length > 0 && stat0.length > 0) {
            long total = stat[0] - stat0[0];
            long idle = stat[1] - stat0[1];
            busy = total > 0 ? 100.0 * (total - idle) / total : -1;
        }
        long pressure = cpuPressureMicros();
        double stall = pressure < 0 || pressure0 < 0 ? -1 : 100.0 * (pressure - pressure0) / 1e6 / seconds;
        Map<String, Long> preempted = new TreeMap<>();
        preemptions().forEach((name, n) -> {
            long d = n - preemptions0.getOrDefault(name, 0L);
            if (d > 0) {
                preempted.put(name, d);
            }
        });
        return new Result(busy, stall, preempted);
    }

    /** Total and idle (idle + iowait) ticks of all cores, or empty. */
    private static long[] cpuStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** Total µs of CPU pressure stall ({@code some}), or -1. */
    private static long cpuPressureMicros() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/pressure/cpu"))) {
                if (line.startsWith("some")) {
                    return Long.parseLong(
                            line.substring(line.indexOf("total=") + 6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no PSI
        }
        return -1;
    }

    /** Involuntary context switches of this process's threads, summed by OS thread name. */
    private static Map<String, Long> preemptions() {
        Map<String, Long> result = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            result.merge(name, Long.parseLong(line.substring(27).trim()), Long::sum);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return result;
    }
}
