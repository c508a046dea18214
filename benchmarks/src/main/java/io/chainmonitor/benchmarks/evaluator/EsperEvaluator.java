package io.chainmonitor.benchmarks.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;

/** The comparable rules as EPL statements in an Esper runtime of their own, fed the same corpus sample by sample. */
public final class EsperEvaluator implements AutoCloseable {

    private final EPRuntime runtime;
    private final EPEventService events;
    private Consumer<FindingKey> sink = key -> {
    };

    public EsperEvaluator(String name) {
        Configuration configuration = new Configuration();
        configuration.getCommon().addEventType(EsperSample.class);
        // No timer thread: the statements are driven by events only, like the evaluator on one consumer thread.
        configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
        EPCompiled compiled;
        try {
            compiled = EPCompilerProvider.getCompiler().compile(ComparableRules.epl(),
                    new CompilerArguments(configuration));
        } catch (EPCompileException e) {
            throw new IllegalStateException("the EPL statements do not compile: " + e.getMessage(), e);
        }
        runtime = EPRuntimeProvider.getRuntime(name, configuration);
        runtime.initialize();
        EPDeployment deployment;
        try {
            deployment = runtime.getDeploymentService().deploy(compiled);
        } catch (EPDeployException e) {
            throw new IllegalStateException("the EPL statements do not deploy: " + e.getMessage(), e);
        }
        for (EPStatement statement : deployment.getStatements()) {
            String ruleId = statement.getName();
            statement.addListener((news, olds, stmt, rt) -> {
                for (EventBean match : news) {
                    String project = (String) match.get("project");
                    String replica = (String) match.get("replica");
                    sink.accept(new FindingKey(ruleId, project, replica, true, (Integer) match.get("fired")));
                    sink.accept(new FindingKey(ruleId, project, replica, false, (Integer) match.get("resolved")));
                }
            });
        }
        events = runtime.getEventService();
    }

    public void sink(Consumer<FindingKey> findings) {
        this.sink = findings;
    }

    /** Sends the samples of one event. */
    public void accept(EsperSample[] samples) {
        for (EsperSample sample : samples) {
            events.sendEventBean(sample, "EsperSample");
        }
    }

    /** The corpus as Esper events, built beforehand (pre-parsed, like the batches the evaluator gets). */
    public static EsperSample[][] samples(MetricCorpus corpus) {
        EsperSample[][] all = new EsperSample[corpus.events().size()][];
        for (int i = 0; i < all.length; i++) {
            MetricCorpus.Event event = corpus.events().get(i);
            List<EsperSample> samples = new ArrayList<>();
            for (var sample : event.batch().samples()) {
                samples.add(new EsperSample(event.projectId(), event.pack(), event.batch().replicaId(),
                        sample.metric(), sample.value(), i));
            }
            all[i] = samples.toArray(EsperSample[]::new);
        }
        return all;
    }

    /** Every firing and resolution of the corpus. */
    public static SortedSet<FindingKey> findings(MetricCorpus corpus, String name) {
        SortedSet<FindingKey> keys = new TreeSet<>();
        try (EsperEvaluator esper = new EsperEvaluator(name)) {
            esper.sink(keys::add);
            for (EsperSample[] samples : samples(corpus)) {
                esper.accept(samples);
            }
        }
        return keys;
    }

    @Override
    public void close() {
        runtime.destroy();
    }
}
