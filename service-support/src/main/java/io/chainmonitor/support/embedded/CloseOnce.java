package io.chainmonitor.support.embedded;

/**
 * Stops a server exactly once: when its owner closes it, or when the JVM exits without that having happened. Callers
 * racing to close wait until the server has stopped.
 */
final class CloseOnce {

    private final Runnable stop;
    private final Thread shutdownHook;
    private boolean closed;

    CloseOnce(String name, Runnable stop) {
        this.stop = stop;
        this.shutdownHook = new Thread(this::close, name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Leaves stopping to the owner, also at JVM exit: for an owner that stops several servers in an order (clients
     * before the broker, the broker before the database), which concurrent shutdown hooks would not keep.
     */
    synchronized void detachShutdownHook() {
        if (closed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and runs the hook; it stops the server as before.
        }
    }

    Thread shutdownHook() {
        return shutdownHook;
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting and runs the hook, which waits for this close to finish; nothing left to do.
            }
        }
        stop.run();
    }
}
