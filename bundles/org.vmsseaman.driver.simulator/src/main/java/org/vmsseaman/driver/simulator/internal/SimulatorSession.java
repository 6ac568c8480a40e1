package org.vmsseaman.driver.simulator.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.driver.DeviceSession;
import org.vmsseaman.api.driver.DriverException;

/**
 * Serves one simulated device: a single named daemon thread ticks the {@link DeviceSimulation}
 * at a fixed rate until {@link #close()}.
 */
final class SimulatorSession implements DeviceSession {

    static final String THREAD_PREFIX = "vmsseaman-sim-";
    private static final long CLOSE_WAIT_MILLIS = 3000;

    private final Logger logger = LoggerFactory.getLogger(SimulatorSession.class);
    private final DeviceSimulation simulation;
    private final SimulatorSettings settings;
    private final Consumer<SimulatorSession> onClose;
    private final ScheduledExecutorService executor;
    private volatile Thread ticker;
    private final Object lock = new Object();
    private boolean closed;
    private boolean failureLogged;
    private long failures;

    SimulatorSession(DeviceSimulation simulation, SimulatorSettings settings, Consumer<SimulatorSession> onClose) {
        this.simulation = simulation;
        this.settings = settings;
        this.onClose = onClose;
        String threadName = THREAD_PREFIX + simulation.deviceId();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            ticker = t;
            return t;
        });
    }

    /**
     * Reports the device connected, publishes the first values at once and goes on ticking at the device's
     * {@linkplain SimulatorSettings#phaseMillis() phase}, so that devices started together do not all publish
     * in the same instant, as real devices polled independently do not; returns at once.
     */
    void start() {
        synchronized (lock) {
            simulation.start();
        }
        executor.execute(this::tick);
        executor.scheduleAtFixedRate(this::tick, settings.phaseMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick; never throws, so the executor keeps the schedule. */
    void tick() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                simulation.tick(settings.tickSeconds());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failures++;
                if (!failureLogged) {
                    failureLogged = true;
                    logger.warn(
                            "Simulated device '{}': tick failed, ticking continues; further failures are logged at debug level",
                            simulation.deviceId(),
                            e);
                } else {
                    logger.debug(
                            "Simulated device '{}': tick failed ({} failures so far)",
                            simulation.deviceId(),
                            failures,
                            e);
                }
            }
        }
    }

    /** Number of ticks that threw. */
    long failures() {
        synchronized (lock) {
            return failures;
        }
    }

    /** Holds the setpoint in the simulation (as a real device would) and publishes it; the reply is immediate. */
    @Override
    public CompletionStage<Void> write(BoundTag tag, Object value) {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new DriverException("simulated device session is closed"));
            }
            try {
                simulation.write(tag.id(), value);
                return CompletableFuture.completedFuture(null);
            } catch (DriverException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true; // a tick running now has finished: it held the lock
        }
        executor.shutdownNow();
        try {
            Thread t = ticker;
            // the executor terminates as its last thread leaves, just before that thread has ended: join it too
            if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    || (t != null && !join(t, CLOSE_WAIT_MILLIS))) {
                logger.warn(
                        "Simulated device '{}': ticker did not stop within {} ms",
                        simulation.deviceId(),
                        CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }

    private static boolean join(Thread t, long millis) throws InterruptedException {
        t.join(millis);
        return !t.isAlive();
    }

    String deviceId() {
        return simulation.deviceId();
    }
}
