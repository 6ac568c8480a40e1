package org.vmsseaman.historian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;

/** What the historian must answer for one tag, computed in plain Java from the samples the test published. */
final class Expected {

    private final TreeMap<Long, Sample> samples = new TreeMap<>();

    void add(Sample s) {
        samples.put(s.time(), s);
    }

    List<Sample> raw(long from, long to) {
        return new ArrayList<>(samples.subMap(from, to).values());
    }

    Optional<Sample> valueAt(long time) {
        Map.Entry<Long, Sample> e = samples.floorEntry(time);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    /** Buckets as documented: floor-aligned to the epoch, empty ones left out, booleans as 0/1. */
    List<Bucket> buckets(long from, long to, long step) {
        TreeMap<Long, List<Sample>> byBucket = new TreeMap<>();
        for (Sample s : samples.subMap(from, to).values()) {
            byBucket.computeIfAbsent(Math.floorDiv(s.time(), step) * step, k -> new ArrayList<>())
                    .add(s);
        }
        List<Bucket> result = new ArrayList<>();
        byBucket.forEach((start, list) -> {
            long n = list.size();
            long good = list.stream().filter(s -> s.quality() == Quality.GOOD).count();
            double sum = 0;
            int values = 0;
            Double min = null;
            Double max = null;
            Double first = null;
            Double last = null;
            for (Sample s : list) {
                Double v = s.numeric() != null ? s.numeric() : s.bool() == null ? null : s.bool() ? 1.0 : 0.0;
                if (v == null) {
                    continue;
                }
                sum += v;
                values++;
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
                first = first == null ? v : first;
                last = v;
            }
            result.add(new Bucket(
                    start,
                    start + step,
                    n,
                    values == 0 ? null : sum / values,
                    min,
                    max,
                    first,
                    last,
                    (double) good / n));
        });
        return result;
    }
}
