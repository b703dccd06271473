package io.newswatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a size cap and a deadline, whichever comes first: past either, the subscription is
 * cancelled (the server may go on sending, nobody reads it) and the body completes with what it has, marked. So a
 * page that trickles a byte every two seconds, or a robots.txt of gigabytes, costs at most the deadline and the cap.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {
    /** What was read, and whether reading stopped at the cap or the deadline. */
    record Body(byte[] bytes, boolean overCap, boolean overTime) {
    }

    private final long cap;
    private final long deadlineNanos;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long cap, long deadlineNanos) {
        this.cap = cap;
        this.deadlineNanos = deadlineNanos;
    }

    static HttpResponse.BodyHandler<Body> handler(long cap, long deadlineNanos) {
        return info -> new BoundedBody(cap, deadlineNanos);
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int n = (int) Math.min(b.remaining(), cap + 1 - out.size());
            byte[] chunk = new byte[n];
            b.get(chunk);
            out.write(chunk, 0, n);
        }
        if (out.size() > cap) {
            finish(true, false);
        } else if (System.nanoTime() > deadlineNanos) {
            finish(false, true);
        } else {
            subscription.request(1);
        }
    }

    private void finish(boolean overCap, boolean overTime) {
        subscription.cancel();
        result.complete(new Body(out.toByteArray(), overCap, overTime));
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false, false));
    }
}
