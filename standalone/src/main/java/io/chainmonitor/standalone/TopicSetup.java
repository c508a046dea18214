package io.chainmonitor.standalone;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.kafka.CatalogTopics;

/** Creates every topic of the catalog, and its dead-letter topic, before the services start. */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private final String bootstrapServers;

    TopicSetup(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void createCatalogTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = CatalogTopics.all((short) 1, 1).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            log.info("Topics ready: {} created, {} already there", missing.size(), existing.size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the catalog topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the catalog topics", e);
        }
    }
}
