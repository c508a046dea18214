package io.chainmonitor.adapters.rpc;

/**
 * A node answer that does not have the shape the protocol promises; the clients turn it into a
 * {@link io.chainmonitor.adapters.ChainClientException.Malformed} naming the method.
 */
public final class BadAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadAnswer(String message) {
        super(message);
    }
}
