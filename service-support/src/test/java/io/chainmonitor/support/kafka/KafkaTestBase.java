package io.chainmonitor.support.kafka;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;

/** The Kafka ITs share one application context, connected to the test JVM's embedded broker. */
@SpringBootTest(classes = TestKafkaApplication.class)
@TestPropertySource(locations = TestKafkaApplication.PROPERTIES)
abstract class KafkaTestBase {

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::bootstrapServers);
    }

    static KafkaTestClients clients() {
        return new KafkaTestClients(EmbeddedInfrastructure.bootstrapServers());
    }
}
