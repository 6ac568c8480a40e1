package org.vmsseaman.tagstore.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vmsseaman.api.tag.TagValue;

/** A recorder whose first {@code onBatch} blocks until the test releases it. */
final class BlockingRecorder extends Recorder {

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void onBatch(List<TagValue> batch) {
        entered.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.onBatch(batch);
    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("subscriber was not called");
        }
    }
}
