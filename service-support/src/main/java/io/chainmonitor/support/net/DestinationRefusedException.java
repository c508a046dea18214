package io.chainmonitor.support.net;

import java.net.UnknownHostException;

/**
 * A destination the SSRF guard refuses: an internal address that no operator allow-listed. An
 * {@link UnknownHostException} so that the HTTP client stops before it connects.
 */
public final class DestinationRefusedException extends UnknownHostException {

    public DestinationRefusedException(String message) {
        super(message);
    }
}
