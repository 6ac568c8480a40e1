package org.vmsseaman.historian.internal;

import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.Fixture.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * Two double tags and a boolean one recorded over {@code [FROM, TO)} (three hours, every sample stored), with
 * BAD, UNCERTAIN and value-less samples, on a real historian; plus a tag that has no history.
 */
final class ThreeTags {

    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long FROM = T0 - HOUR;
    static final long TO = T0 + 2 * HOUR;
    static final String A = "m.a";
    static final String B = "m.b";
    static final String RUN = "m.run";
    static final String SILENT = "m.silent";
    static final List<String> ALL = List.of(A, B, RUN, SILENT);

    private ThreeTags() {}

    /** A historian on {@code file} holding the three tags' samples; {@code SILENT} is defined, never published. */
    static Fixture record(Path file) {
        HistorianPolicy everyChange = new HistorianPolicy(true, 0.0, Duration.ofDays(1));
        Fixture f = new Fixture(
                file,
                50,
                tag(A, DataType.DOUBLE, everyChange),
                tag(B, DataType.DOUBLE, everyChange),
                tag(RUN, DataType.BOOLEAN, everyChange),
                tag(SILENT, DataType.DOUBLE, everyChange));
        f.publish(generate(new Random(11)));
        f.awaitIdle();
        return f;
    }

    static Instant at(long micros) {
        return TagValue.toInstant(micros);
    }

    private static List<TagValue> generate(Random random) {
        List<TagValue> all = new ArrayList<>();
        for (String id : List.of(A, B)) {
            all.add(new TagValue(id, null, Quality.BAD_NOT_CONNECTED, FROM, FROM, null));
            double last = Double.NaN;
            for (long t = FROM + 1 + random.nextInt(30) * SECOND; t < TO; t += (1 + random.nextInt(30)) * SECOND) {
                t += random.nextInt(1000);
                double v = random.nextInt(800) / 8.0 - 20;
                v = v == last ? v + 0.125 : v; // every sample a change, so the policy stores all
                last = v;
                Quality q = random.nextInt(10) == 0 ? Quality.UNCERTAIN_SUBSTITUTED : Quality.GOOD;
                all.add(new TagValue(id, v, q, t, t, null));
            }
        }
        boolean on = false;
        for (long t = FROM + 5 * SECOND; t < TO; t += (1 + random.nextInt(300)) * SECOND) {
            on = !on;
            all.add(new TagValue(RUN, on, random.nextInt(5) == 0 ? Quality.BAD_STALE : Quality.GOOD, t, t, null));
        }
        all.sort(Comparator.comparingLong(TagValue::sourceTime));
        return all;
    }
}
