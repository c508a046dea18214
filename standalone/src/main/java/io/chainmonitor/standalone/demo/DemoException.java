package io.chainmonitor.standalone.demo;

/** A step of the demo that could not be done; the demo stops and says why, the platform keeps running. */
final class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
