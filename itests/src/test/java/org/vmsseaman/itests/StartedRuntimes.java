package org.vmsseaman.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.rules.ExternalResource;

/**
 * Processes a test starts from the distribution ({@code bin/vmsseaman}), killed after the test if still
 * running, so that a failed assertion never leaves a runtime holding its port and files.
 */
final class StartedRuntimes extends ExternalResource {

    private final List<Process> processes = new ArrayList<>();

    /** Starts the runtime in {@code home} on {@code port}, as {@link Distribution#start}. */
    Process start(Path home, int port) throws IOException {
        return track(Distribution.start(home, port));
    }

    /** Kills {@code process} after the test if it is still running then. */
    Process track(Process process) {
        processes.add(process);
        return process;
    }

    @Override
    protected void after() {
        for (Process process : processes) {
            if (process.isAlive()) {
                try {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
