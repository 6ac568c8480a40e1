package org.vmsseaman.alarm.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmsseaman.api.alarm.AlarmKpi;

/**
 * Alarm activations of the last 24 hours and the KPIs of IEC 62682 / ISA-18.2 computed from them:
 * rate, floods (more than 10 in 10 minutes), chattering (3 or more within a minute) and bad actors.
 */
final class Kpis {

    static final long MINUTE = 60_000_000L;
    static final long DAY = 24 * 60 * MINUTE;
    static final long WINDOW = 10 * MINUTE;
    static final int FLOOD = 10;
    static final int CHATTER = 3;
    /** Bound on remembered activations, so a pathological flood cannot exhaust memory. */
    static final int MAX_ACTIVATIONS = 1_000_000;

    private record Activation(long time, String alarmId) {}

    private final ArrayDeque<Activation> activations = new ArrayDeque<>();

    void activation(String alarmId, long time) {
        activations.addLast(new Activation(time, alarmId));
        if (activations.size() > MAX_ACTIVATIONS) {
            activations.removeFirst();
        }
    }

    AlarmKpi compute(
            long now, List<String> standing, int unacknowledged, int shelved, int suppressed, int outOfService) {
        while (!activations.isEmpty() && activations.peekFirst().time <= now - DAY) {
            activations.removeFirst();
        }
        long[] times = new long[activations.size()];
        Map<String, List<Long>> perAlarm = new HashMap<>();
        int i = 0;
        int last10 = 0;
        for (Activation a : activations) {
            times[i++] = a.time;
            perAlarm.computeIfAbsent(a.alarmId, k -> new ArrayList<>()).add(a.time);
            if (a.time > now - WINDOW) {
                last10++;
            }
        }
        java.util.Arrays.sort(times); // replayed and live activations are in order; be safe anyway
        // most activations in any 10-minute window: two pointers over the sorted times
        int max = 0;
        for (int lo = 0, hi = 0; hi < times.length; hi++) {
            while (times[hi] - times[lo] >= WINDOW) {
                lo++;
            }
            max = Math.max(max, hi - lo + 1);
        }
        // minutes of the last day whose preceding 10 minutes held a flood
        long floodMinutes = 0;
        int lo = 0;
        int hi = 0;
        for (long end = now - DAY + MINUTE; end <= now; end += MINUTE) {
            while (hi < times.length && times[hi] <= end) {
                hi++;
            }
            while (lo < hi && times[lo] <= end - WINDOW) {
                lo++;
            }
            if (hi - lo > FLOOD) {
                floodMinutes++;
            }
        }
        List<String> chattering = new ArrayList<>();
        List<AlarmKpi.Count> counts = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : perAlarm.entrySet()) {
            List<Long> t = e.getValue();
            t.sort(null);
            for (int k = 0; k + CHATTER - 1 < t.size(); k++) {
                if (t.get(k + CHATTER - 1) - t.get(k) <= MINUTE) {
                    chattering.add(e.getKey());
                    break;
                }
            }
            counts.add(new AlarmKpi.Count(e.getKey(), t.size()));
        }
        chattering.sort(null);
        counts.sort(
                Comparator.comparingInt(AlarmKpi.Count::activations).reversed().thenComparing(AlarmKpi.Count::alarmId));
        return new AlarmKpi(
                TimeUtil.instant(now),
                last10,
                activations.size(),
                max,
                last10 > FLOOD,
                floodMinutes,
                chattering,
                standing,
                counts.subList(0, Math.min(10, counts.size())),
                unacknowledged,
                shelved,
                suppressed,
                outOfService);
    }
}
