package io.chainmonitor.health.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.support.kafka.EventPublisher;

/** Wires the continuous rule evaluation: its own listener container, state store and metrics. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    static final String CONTAINER_FACTORY = "evaluationListenerContainerFactory";

    @Bean
    Evaluations evaluations(JdbcClient jdbc, TransactionTemplate transactions, EventCodec codec,
            EventPublisher publisher, MeterRegistry meters, HealthProperties properties,
            ObjectProvider<ChainCatalog> catalog) {
        HealthProperties.Evaluation settings = properties.evaluation();
        RulePacks packs = new RulePacks(catalog.getIfAvailable(ChainCatalog::builtIn));
        return new Evaluations(new EvaluationStore(jdbc, transactions),
                new ProjectStateCodec(codec, packs, settings.dedupeWindow()), packs,
                new FindingSender(publisher, settings.publishTimeout()), new EvaluationMetrics(meters), settings);
    }

    @Bean
    EvaluationListener evaluationListener(Evaluations evaluations) {
        return new EvaluationListener(evaluations);
    }

    /**
     * Like the default container factory (dead letters included), but the offsets are the evaluation's: it never
     * acknowledges (offsets are committed at checkpoints, with the state) and it seeks on assignment.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> evaluationListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory, Evaluations evaluations) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setConsumerRebalanceListener(new EvaluationRebalance(evaluations));
        return factory;
    }
}
