package io.chainmonitor.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.chainmonitor.events.EventCodec;

/** Envelopes over Kafka: serde, publisher, dead-lettering error handler and the catalog's topics. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaSupportProperties.class)
final class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer envelopeProducerDefaults(EventCodec codec) {
        return KafkaClientDefaults.producer(codec);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer envelopeConsumerDefaults(EventCodec codec, Environment environment) {
        return KafkaClientDefaults.consumer(codec, environment.getProperty("spring.application.name"));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> kafkaTemplate) {
        return new EventPublisher(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> kafkaTemplate,
            KafkaSupportProperties properties, ObjectProvider<MeterRegistry> meters) {
        DeadLetterRecoverer recoverer = new DeadLetterRecoverer(kafkaTemplate,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
        return ListenerErrorHandling.errorHandler(recoverer, properties.retry());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "chain-monitor.kafka.create-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics catalogTopics(KafkaSupportProperties properties) {
        return CatalogTopics.of(properties);
    }
}
