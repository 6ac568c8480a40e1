package org.vmsseaman.rest.internal;

/**
 * Limits of the realtime WebSocket, from {@link RealtimeConfig}.
 *
 * @param heartbeatSeconds seconds between heartbeats
 * @param resumeSeconds how long a disconnected connection's state is kept for a resume
 * @param replayMessages the most sent messages kept per connection for a resume
 * @param replayBytes the most UTF-8 bytes of sent messages kept per connection for a resume
 * @param maxValuesPerMessage the most tag values in one update message
 * @param maxQueuedValues the most values waiting in order per connection; beyond, the latest per tag
 * @param alarmQueue the most alarm events waiting per connection before it is sent a fresh snapshot instead
 * @param controlQueue the most replies (errors, pongs) waiting per connection before it is closed
 * @param maxSubscriptions the most tag patterns plus groups per connection
 * @param maxMessagesPerSecond the most client messages per second before the connection is closed
 * @param maxErrors the most refused client messages per connection before it is closed
 * @param sendTimeoutSeconds a send that takes longer closes the connection (it may resume)
 * @param maxConnections the most connections, open or kept for a resume
 */
record RealtimeSettings(
        int heartbeatSeconds,
        int resumeSeconds,
        int replayMessages,
        long replayBytes,
        int maxValuesPerMessage,
        int maxQueuedValues,
        int alarmQueue,
        int controlQueue,
        int maxSubscriptions,
        int maxMessagesPerSecond,
        int maxErrors,
        int sendTimeoutSeconds,
        int maxConnections) {

    static RealtimeSettings from(RealtimeConfig c) {
        return new RealtimeSettings(
                Math.max(1, c.heartbeatSeconds()),
                Math.max(0, c.resumeSeconds()),
                Math.max(1, c.replayMessages()),
                Math.max(1, c.replayKilobytes()) * 1024L,
                Math.max(1, c.maxValuesPerMessage()),
                Math.max(1, c.maxQueuedValues()),
                Math.max(1, c.alarmQueue()),
                64,
                Math.max(1, c.maxSubscriptions()),
                Math.max(1, c.maxMessagesPerSecond()),
                Math.max(1, c.maxErrors()),
                Math.max(1, c.sendTimeoutSeconds()),
                Math.max(1, c.maxConnections()));
    }
}
