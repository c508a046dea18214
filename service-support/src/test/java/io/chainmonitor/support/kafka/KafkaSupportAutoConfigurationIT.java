package io.chainmonitor.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.ClassUtils;

import io.chainmonitor.support.heartbeat.HeartbeatPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSupportAutoConfigurationIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withConfiguration(AutoConfigurations.of(registeredAutoConfigurations()))
            // No broker here: nothing may wait for one.
            .withPropertyValues("spring.application.name=alerts-service", "spring.kafka.bootstrap-servers=127.0.0.1:9",
                    "spring.kafka.admin.auto-create=false", "spring.kafka.producer.properties[max.block.ms]=100");

    /** What service-support registers in its {@code AutoConfiguration.imports}, as a service would load it. */
    private static Class<?>[] registeredAutoConfigurations() {
        ClassLoader loader = KafkaSupportAutoConfigurationIT.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter(name -> name.startsWith("io.chainmonitor.support."))
                .forEach(name -> classes.add(ClassUtils.resolveClassName(name, loader)));
        return classes.toArray(Class<?>[]::new);
    }

    @Test
    void producersAreIdempotentAndWaitForAllInSyncReplicas() {
        context.run(context -> {
            DefaultKafkaProducerFactory<?, ?> producers = context.getBean(DefaultKafkaProducerFactory.class);

            assertThat(producers.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            assertThat(producers.getValueSerializerSupplier().get().getClass().getSimpleName())
                    .isEqualTo("DelegatingByTypeSerializer");
        });
    }

    @Test
    void consumersReadEnvelopesSafelyAndCommitWhatTheyProcessed() {
        context.run(context -> {
            DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
            Map<String, Object> configs = consumers.getConfigurationProperties();

            assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
            assertThat(configs).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "alerts-service")
                    .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
        });
    }

    @Test
    void aServicesOwnGroupAndOffsetResetAreKept() {
        context.withPropertyValues("spring.kafka.consumer.group-id=alerting",
                "spring.kafka.consumer.auto-offset-reset=latest").run(context -> {
                    Map<String, Object> configs = context.getBean(DefaultKafkaConsumerFactory.class)
                            .getConfigurationProperties();

                    assertThat(configs).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "alerting")
                            .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                });
    }

    @Test
    void topicsAndHeartbeatAreOnByDefaultAndCanBeSwitchedOff() {
        context.run(context -> {
            assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
            assertThat(context).hasSingleBean(HeartbeatPublisher.class);
        });
        context.withPropertyValues("chain-monitor.kafka.create-topics=false", "chain-monitor.heartbeat.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class);
                    assertThat(context).doesNotHaveBean(HeartbeatPublisher.class);
                });
    }

    @Test
    void invalidRetrySettingsStopTheApplicationFromStarting() {
        context.withPropertyValues("chain-monitor.kafka.retry.attempts=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
