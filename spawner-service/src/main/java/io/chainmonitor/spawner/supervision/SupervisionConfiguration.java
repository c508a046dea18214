package io.chainmonitor.spawner.supervision;

import java.time.Clock;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.support.kafka.EventPublisher;

/** The supervisor: one scheduler thread for its timers, virtual threads for starts (which wait on readiness). */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaSupervisor replicaSupervisor(ReplicaRuntimes runtimes, EventPublisher publisher,
            SpawnerProperties properties, ObjectProvider<Clock> clock, ObjectProvider<ReplicaJournal> journal) {
        return new ReplicaSupervisor(runtimes, new LifecycleEvents(publisher),
                journal.getIfAvailable(() -> ReplicaJournal.NONE), properties.supervision(),
                clock.getIfAvailable(Clock::systemUTC),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replica-supervisor")
                        .factory()),
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("replica-supervision-", 0).factory()));
    }
}
