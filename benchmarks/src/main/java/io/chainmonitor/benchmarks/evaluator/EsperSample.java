package io.chainmonitor.benchmarks.evaluator;

/** One metric sample as an Esper event: the batch's sample flattened with its project, pack, replica and index. */
public final class EsperSample {

    private final String project;
    private final String pack;
    private final String replica;
    private final String metric;
    private final double value;
    private final int idx;

    public EsperSample(String project, String pack, String replica, String metric, double value, int idx) {
        this.project = project;
        this.pack = pack;
        this.replica = replica;
        this.metric = metric;
        this.value = value;
        this.idx = idx;
    }

    public String getProject() {
        return project;
    }

    public String getPack() {
        return pack;
    }

    public String getReplica() {
        return replica;
    }

    public String getMetric() {
        return metric;
    }

    public double getValue() {
        return value;
    }

    public int getIdx() {
        return idx;
    }
}
