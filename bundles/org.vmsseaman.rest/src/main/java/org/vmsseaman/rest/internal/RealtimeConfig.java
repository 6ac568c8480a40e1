package org.vmsseaman.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the realtime WebSocket {@code /ws/realtime} (PID {@code org.vmsseaman.rest.realtime}). */
@ObjectClassDefinition(
        name = "VMS Seaman realtime WebSocket",
        description = "Snapshot, pushed tag values and alarm events on /ws/realtime; see WEBSOCKET.md.")
public @interface RealtimeConfig {

    @AttributeDefinition(name = "Heartbeat (s)", description = "Seconds between heartbeat messages.")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(
            name = "Resume window (s)",
            description = "How long a disconnected client's state is kept so it can resume without a gap.")
    int resumeSeconds() default 60;

    @AttributeDefinition(
            name = "Replay messages",
            description = "The most sent messages kept per connection for a resume.")
    int replayMessages() default 10_000;

    @AttributeDefinition(
            name = "Replay size (KiB)",
            description = "The most kibibytes of sent messages kept per connection for a resume.")
    int replayKilobytes() default 2_048;

    @AttributeDefinition(name = "Values per message", description = "The most tag values in one update message.")
    int maxValuesPerMessage() default 1_000;

    @AttributeDefinition(
            name = "Queued values per client",
            description = "The most values waiting for a client, in order; a client further behind is switched to "
                    + "the latest value per tag (coalescing) until it has caught up.")
    int maxQueuedValues() default 10_000;

    @AttributeDefinition(
            name = "Alarm queue",
            description = "The most alarm events waiting for a slow client; beyond it the client gets a fresh "
                    + "snapshot flagged as an overflow instead.")
    int alarmQueue() default 1_000;

    @AttributeDefinition(
            name = "Largest client message (bytes)",
            description = "A larger text message closes the connection with 1009 (message too big).")
    int maxTextMessageBytes() default 65_536;

    @AttributeDefinition(
            name = "Subscriptions per connection",
            description = "The most tag patterns plus groups one connection may subscribe to.")
    int maxSubscriptions() default 100;

    @AttributeDefinition(
            name = "Client messages per second",
            description = "More closes the connection with 1008 (policy violation).")
    int maxMessagesPerSecond() default 50;

    @AttributeDefinition(
            name = "Refused messages",
            description = "After this many refused client messages the connection is closed with 1008.")
    int maxErrors() default 20;

    @AttributeDefinition(
            name = "Send timeout (s)",
            description = "A client that takes no data for this long is disconnected (it may resume).")
    int sendTimeoutSeconds() default 30;

    @AttributeDefinition(
            name = "Connections",
            description =
                    "The most connections, open or kept for a resume; more are closed with 1013 (try again later).")
    int maxConnections() default 100;
}
