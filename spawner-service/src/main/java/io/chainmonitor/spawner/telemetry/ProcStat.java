package io.chainmonitor.spawner.telemetry;

import java.util.Optional;

/**
 * What {@code /proc/<pid>/stat} and {@code /proc/<pid>/status} say about one process: CPU time used in clock ticks
 * (user + system), resident memory and threads.
 */
record ProcStat(long cpuTicks, long rssBytes, int threads) {

    /** Linux reports CPU times in USER_HZ ticks, 100 per second on every architecture it exposes to user space. */
    static final int TICKS_PER_SECOND = 100;

    ProcStat plus(ProcStat other) {
        return new ProcStat(cpuTicks + other.cpuTicks, rssBytes + other.rssBytes, threads + other.threads);
    }

    /**
     * Parses the two files. The command name in {@code stat} is in parentheses and may hold spaces and parentheses, so
     * fields are counted from the last closing parenthesis: utime and stime are fields 14 and 15.
     */
    static Optional<ProcStat> parse(String stat, String status) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.length < 13) {
            return Optional.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long rssKib = 0;
        int threads = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rssKib = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        return Optional.of(new ProcStat(ticks, rssKib * 1024, threads));
    }
}
