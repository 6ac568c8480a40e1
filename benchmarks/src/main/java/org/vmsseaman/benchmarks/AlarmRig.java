package org.vmsseaman.benchmarks;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vmsseaman.alarm.internal.AlarmServiceImpl;
import org.vmsseaman.alarm.internal.AlarmSettings;
import org.vmsseaman.alarm.internal.FileJournal;
import org.vmsseaman.api.tagstore.TagStore;
import org.vmsseaman.tagstore.internal.TagStoreConfig;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * One alarm service of the benchmark: default settings, the real file journal in a new folder (deleted
 * on close), the system clock, a timing listener, fed by a new tag store of the chosen {@link Feed}.
 */
final class AlarmRig implements AutoCloseable {

    /** What feeds the alarm service. */
    enum Feed {
        /** {@link DirectTagStore}: the engine alone, on the publisher's thread. */
        DIRECT("direct", "engine alone (direct feed)"),
        /** The real tag store with its default settings (delivery linger 1 ms). */
        TAG_STORE("tagstore", "real tag store (default 1 ms linger)"),
        /** The real tag store with a delivery linger of 0: the delivery thread wakes for every publish. */
        TAG_STORE_NO_LINGER("tagstore0", "real tag store, linger 0");

        final String option;
        final String label;

        Feed(String option, String label) {
            this.option = option;
            this.label = label;
        }

        static Feed of(String option) {
            for (Feed f : values()) {
                if (f.option.equals(option.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown feed '" + option + "' (direct, tagstore, tagstore0)");
        }
    }

    final ProbedTagStore store;
    final AlarmUpdates updates;
    final AlarmLatencyProbe probe;
    final AlarmServiceImpl service;
    /** How long the alarm service took to start, s. */
    final double startSeconds;

    private final TagStoreImpl tagStore;
    private final Path journal;

    AlarmRig(Feed feed, AlarmBenchProject project, long crossEvery, double nominalRate, Path journal) {
        this.journal = journal;
        this.tagStore = switch (feed) {
            case DIRECT -> null;
            case TAG_STORE -> new TagStoreImpl();
            case TAG_STORE_NO_LINGER -> new TagStoreImpl(new NoLinger());
        };
        TagStore inner = tagStore == null ? new DirectTagStore() : tagStore;
        inner.define(project.vessel.tags());
        this.store = new ProbedTagStore(inner);
        this.updates = new AlarmUpdates(project, crossEvery, nominalRate);
        this.probe = new AlarmLatencyProbe(updates);
        long start = System.nanoTime();
        this.service = new AlarmServiceImpl(
                store,
                project.vessel,
                AlarmSettings.defaults(),
                probe.journal(new FileJournal(journal)),
                InstantSource.system());
        this.startSeconds = (System.nanoTime() - start) / 1e9;
        service.addListener(probe.listener());
    }

    @Override
    public void close() throws IOException {
        service.close();
        if (tagStore != null) {
            tagStore.close();
        }
        try (Stream<Path> files = Files.walk(journal)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The tag store's defaults but a delivery linger of 0. */
    private static final class NoLinger implements TagStoreConfig {
        @Override
        public long deliveryLingerMicros() {
            return 0;
        }

        @Override
        public long closeTimeoutMillis() {
            return 2_000;
        }

        @Override
        public long failureLogIntervalSeconds() {
            return 60;
        }

        @Override
        public long rateWindowSeconds() {
            return 5;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return TagStoreConfig.class;
        }
    }
}
