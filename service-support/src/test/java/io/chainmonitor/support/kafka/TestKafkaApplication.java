package io.chainmonitor.support.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;

/** A service with nothing but service-support and two listeners, for the Kafka ITs. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestKafkaApplication.AuditListener.class, TestKafkaApplication.HeartbeatListener.class})
class TestKafkaApplication {

    static final String PROPERTIES = "classpath:io/chainmonitor/support/kafka/test-kafka.properties";
    /** An audit action the listener always fails on, as if its database were down. */
    static final String FAILING_ACTION = "fail-always";

    /** Receives audit events as envelopes, the way a service's listener does; fails on {@link #FAILING_ACTION}. */
    static class AuditListener {

        final List<Envelope<?>> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        @KafkaListener(topics = "cm.audit.v1")
        void on(Envelope<?> event) {
            deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (event.data() instanceof AuditEntry entry && entry.action().startsWith(FAILING_ACTION)) {
                throw new IllegalStateException("audit store unavailable");
            }
            received.add(event);
        }
    }

    /** Watches heartbeats, as the dead man's switch will. */
    static class HeartbeatListener {

        final List<Envelope<?>> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "cm.heartbeats.v1", groupId = "heartbeat-watcher")
        void on(Envelope<?> heartbeat) {
            received.add(heartbeat);
        }
    }
}
