package org.vmsseaman.api.device;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes setpoints to writable tags: the platform checks the tag and the value and hands the write to
 * the driver serving the tag's device ({@link org.vmsseaman.api.driver.DeviceSession#write}).
 *
 * <p>The tag's live value is not changed by the write itself: it changes when the device reports the
 * new value back, as for any other value. Callers (REST, console) check the user's role and audit the
 * write; this service does neither.
 */
@ProviderType
public interface TagWriter {

    /**
     * Writes {@code value} to tag {@code tagId}.
     *
     * <p>The value must already be of the tag's kind: a number for double and long tags (a whole number
     * for long), {@code true}/{@code false} for boolean tags, a string for string tags, and for enum tags a
     * state index or one of the tag's state labels. A numeric value must lie inside the tag's display
     * range when it has one. Nothing is converted in a way that changes meaning (1.5 is not a long).
     *
     * @return completes with the value as written (converted to the tag's Java type) when the driver
     *     confirmed the write, or fails with a {@link WriteException} saying why; never fails with
     *     anything else and always completes, at the latest after the platform's write timeout
     */
    CompletionStage<Object> write(String tagId, Object value);
}
