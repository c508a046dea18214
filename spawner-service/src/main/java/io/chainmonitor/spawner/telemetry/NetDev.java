package io.chainmonitor.spawner.telemetry;

/**
 * Bytes received and sent by every interface of a network namespace, from {@code /proc/<pid>/net/dev}. Linux has no
 * per-process network counters there: these are the namespace's, shared by every process in it (the whole machine
 * when nodes run without their own namespace), and cumulative since the interfaces came up.
 */
record NetDev(long receivedBytes, long transmittedBytes) {

    /** Sums the receive and transmit byte columns over all interfaces; the first two lines are headers. */
    static NetDev parse(String netDev) {
        long received = 0;
        long transmitted = 0;
        String[] lines = netDev.split("\n");
        for (int i = 2; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] columns = lines[i].substring(colon + 1).trim().split("\\s+");
            if (columns.length >= 9) {
                received += Long.parseLong(columns[0]);
                transmitted += Long.parseLong(columns[8]);
            }
        }
        return new NetDev(received, transmitted);
    }
}
