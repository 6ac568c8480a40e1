package org.vmsseaman.api.device;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * Where a driver reports one device's values and status. Thread-safe, non-blocking; calls
 * after the device session was closed are ignored.
 *
 * <p>The sink only accepts tags bound to its device; values for other tags are refused and
 * counted. Values are converted to the tag's data type where that is lossless in meaning (a
 * number for a boolean tag becomes {@code value != 0}); a value that cannot be converted
 * turns the tag {@code BAD_CONFIGURATION_ERROR}.
 */
@ProviderType
public interface TagSink {

    /**
     * Publishes values read from the device. The receive time of each value is set by the sink;
     * set {@link TagValue#sourceTime()} to the device's time if it sent one, else to 0 and the
     * receive time is used.
     */
    void publish(List<TagValue> values);

    /** Publishes one GOOD value with no device timestamp and no raw value. */
    void publish(String tagId, Object value);

    /**
     * Sets the quality of tags without a new value: the last value is kept. For a failed read
     * ({@code BAD_COMMUNICATION_FAILURE}) or a sensor fault the device reported.
     */
    void quality(Collection<String> tagIds, Quality quality);

    /** Reports that one tag's binding cannot be used; the tag turns {@code BAD_CONFIGURATION_ERROR}. */
    void configurationError(String tagId, String message);

    /**
     * Reports the connection state. DISCONNECTED turns all the device's tags {@code BAD_NOT_CONNECTED}
     * and FAILED turns them {@code BAD_CONFIGURATION_ERROR}, keeping last values; CONNECTED changes no
     * tag (the next values do).
     *
     * @param detail a short human explanation, e.g. "connection refused 10.0.0.5:502"
     */
    void status(ConnectionState state, String detail);
}
