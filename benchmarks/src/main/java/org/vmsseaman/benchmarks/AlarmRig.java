package org.vmsseaman.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vmsseaman.alarm.internal.AlarmServiceImpl;
import org.vmsseaman.alarm.internal.AlarmSettings;
import org.vmsseaman.alarm.internal.FileJournal;
import org.vmsseaman.api.tagstore.TagStore;
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
        /** The real tag store with its default settings (the alarm subscription asks for immediate delivery). */
        TAG_STORE("tagstore", "real tag store");

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
            throw new IllegalArgumentException("unknown feed '" + option + "' (direct, tagstore)");
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
        this.tagStore = feed == Feed.DIRECT ? null : new TagStoreImpl();
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
}
