package io.chainmonitor.benchmarks.backfill;

/** Why a backfill benchmark run stopped without a figure; a run that read less than was sent is one of them. */
public final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for the exit message. */
    public enum Reason {
        /** anvil did not start, or did not take the transactions. */
        NODE,
        /** A reader returned other blocks, transactions or receipts than were sent. */
        COUNTS,
        /** The ethers script is not installed, failed or printed no result. */
        ANCHOR,
        /** Bad command-line arguments. */
        USAGE
    }

    private final Reason reason;

    BenchmarkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    BenchmarkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
