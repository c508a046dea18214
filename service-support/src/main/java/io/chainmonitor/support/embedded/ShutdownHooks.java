package io.chainmonitor.support.embedded;

/** Closes a server when the JVM exits without having closed it. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    static Thread register(String name, Runnable close) {
        Thread hook = new Thread(close, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        if (hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and the hook runs or has run; removing it is neither possible nor needed.
        }
    }
}
