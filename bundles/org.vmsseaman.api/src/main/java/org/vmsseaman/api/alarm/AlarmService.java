package org.vmsseaman.api.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The alarm engine. Thread-safe.
 *
 * <p>An alarm is addressed by its id (from the project, or an automatic one) or by the number of
 * its open occurrence. Commands that change state take the user who gives them; each is recorded in
 * the journal, durably, before the method returns. Acknowledging one alarm never touches another.
 *
 * @throws AlarmCommandException from the commands, saying why one was refused
 */
@ProviderType
public interface AlarmService {

    /** Every alarm that is not {@link AlarmState#NORMAL}, highest priority first, then newest first. */
    List<Alarm> alarms();

    /** Every alarm, in any state, in definition order. */
    List<Alarm> all();

    /** One alarm, by id or by occurrence number. */
    Optional<Alarm> alarm(String idOrOccurrence);

    /** Acknowledges the alarm's open occurrence. */
    Alarm acknowledge(String idOrOccurrence, String user);

    /**
     * Shelves an alarm for at most {@code duration}; it returns by itself when the time is up. Its open
     * occurrence, if any, ends.
     */
    Alarm shelve(String idOrOccurrence, String user, String reason, Duration duration);

    /** Returns a shelved alarm before its time. */
    Alarm unshelve(String idOrOccurrence, String user);

    /** Takes an alarm out of service until {@link #returnToService}. Its open occurrence, if any, ends. */
    Alarm removeFromService(String idOrOccurrence, String user, String reason);

    /** Returns an alarm to service. */
    Alarm returnToService(String idOrOccurrence, String user);

    /**
     * Journal entries with {@code since <= time < until}, oldest first, at most {@code limit}.
     *
     * @throws IllegalArgumentException if the range is reversed or {@code limit < 1}
     */
    List<AlarmEvent> journal(Instant since, Instant until, int limit);

    /** Alarm-system KPIs now. */
    AlarmKpi kpi();

    /** The engineer call now. */
    EngineerCall engineerCall();

    /** The watch timer now. */
    WatchTimer watch();

    /** Starts the watch timer (an engineer goes on rounds), or resets it if it runs. */
    WatchTimer startWatch(String user);

    /** Resets the watch timer; clears its pre-warning and alarm. */
    WatchTimer resetWatch(String user);

    /** Stops the watch timer (rounds finished); clears its pre-warning and alarm. */
    WatchTimer stopWatch(String user);
}
