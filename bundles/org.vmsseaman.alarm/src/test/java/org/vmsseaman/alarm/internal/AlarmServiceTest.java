package org.vmsseaman.alarm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vmsseaman.alarm.internal.Fixture.limit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.alarm.AlarmEvent;
import org.vmsseaman.api.alarm.AlarmState;
import org.vmsseaman.api.alarm.Transition;
import org.vmsseaman.api.project.VesselProject;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** The alarm service on the real tag store and a real journal folder: live evaluation and restarts. */
class AlarmServiceTest {

    private static final String TAG = "me.cooling.temp";

    @TempDir
    Path dir;

    private final TagStoreImpl tagStore = new TagStoreImpl();
    private final VesselProject project = new Fixture.Project()
            .tag(TAG, DataType.DOUBLE)
            .alarm(limit("t.h", TAG, ">", 90, 2, 0, 0))
            .alarm(limit("t.hh", TAG, ">", 100, 2, 0, 0))
            .build();

    @AfterEach
    void close() {
        tagStore.close();
    }

    private AlarmServiceImpl start() {
        tagStore.define(project.tags());
        return new AlarmServiceImpl(
                tagStore, project, AlarmSettings.defaults(), new FileJournal(dir), InstantSource.system());
    }

    private void publish(double value) {
        tagStore.publish(List.of(TagValue.good(TAG, value, TagValue.nowMicros())));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void valuesRaiseAlarmsListenersHearOfThemAndEveryStateSurvivesARestart() throws Exception {
        List<AlarmEvent> heard = new CopyOnWriteArrayList<>();
        AlarmServiceImpl service = start();
        service.addListener(heard::addAll);
        publish(105.0);
        await(() -> service.alarm("t.hh").orElseThrow().state() == AlarmState.UNACKNOWLEDGED);
        await(() -> heard.size() >= 2);
        assertThat(heard).extracting(AlarmEvent::transition).containsOnly(Transition.RAISED);
        long hh = service.alarm("t.hh").orElseThrow().occurrence();

        service.acknowledge("t.h", "chief");
        publish(95.0); // t.hh returns unacknowledged
        await(() -> service.alarm("t.hh").orElseThrow().state() == AlarmState.RTN_UNACKNOWLEDGED);
        service.close();

        AlarmServiceImpl again = start(); // the tag store still says 95: nothing new is raised
        try {
            assertThat(again.alarm("t.h").orElseThrow().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
            assertThat(again.alarm("t.h").orElseThrow().acknowledgedBy()).isEqualTo("chief");
            assertThat(again.alarm("t.hh").orElseThrow().state()).isEqualTo(AlarmState.RTN_UNACKNOWLEDGED);
            assertThat(again.alarm("t.hh").orElseThrow().occurrence()).isEqualTo(hh);
            List<AlarmEvent> journal =
                    again.journal(Instant.EPOCH, Instant.now().plusSeconds(1), 100);
            assertThat(journal)
                    .extracting(e -> e.alarmId() + " " + e.transition().label())
                    .containsExactly("t.h raised", "t.hh raised", "t.h acknowledged", "t.hh cleared");
            assertThat(journal.get(2).user()).isEqualTo("chief");
            again.acknowledge(Long.toString(hh), "oiler");
            assertThat(again.alarm("t.hh").orElseThrow().state()).isEqualTo(AlarmState.NORMAL);
        } finally {
            again.close();
        }
    }
}
