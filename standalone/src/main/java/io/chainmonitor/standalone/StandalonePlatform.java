package io.chainmonitor.standalone;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import io.chainmonitor.support.embedded.EmbeddedKafka;
import io.chainmonitor.support.embedded.EmbeddedPostgres;

/**
 * Starts the embedded database and broker, creates the topics, starts every service in parallel and waits until
 * all of them report healthy; stops everything in reverse order when the launcher context closes (Ctrl-C):
 * services first, then the broker, then the database. The database and broker therefore have no shutdown hooks of
 * their own, which the JVM would run at the same time as the launcher's.
 */
final class StandalonePlatform implements SmartLifecycle {

    static final String DATABASE = "chainmonitor";
    /** Starts before, and stops after, what runs on top of the platform (the demo). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;
    private static final Logger log = LoggerFactory.getLogger(StandalonePlatform.class);

    private final StandaloneProperties properties;
    private final Map<Service, RunningService> services = new EnumMap<>(Service.class);
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private volatile boolean running;
    private Duration timeToHealthy;

    StandalonePlatform(StandaloneProperties properties) {
        this.properties = properties;
    }

    @Override
    public void start() {
        long startNanos = System.nanoTime();
        Instant deadline = Instant.now().plus(properties.startTimeout());
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        log.info("Starting Chain Monitor with data in {}", dataDirectory);
        try {
            startInfrastructure(dataDirectory);
            new TopicSetup(kafka.bootstrapServers()).createCatalogTopics();
            startServices(dataDirectory, deadline);
            HealthProbe probe = new HealthProbe(properties.host());
            services.values().forEach(service -> probe.awaitUp(service, deadline));
        } catch (RuntimeException e) {
            log.error("Chain Monitor did not start: {}", e.getMessage());
            stopAll();
            throw e;
        }
        running = true;
        timeToHealthy = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration sinceJvmStart = Duration.ofMillis(System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime());
        log.info(new ReadyBanner(properties.host(), services.values(), kafka.bootstrapServers(), jdbcUrl(),
                sinceJvmStart, timeToHealthy)
                .text());
    }

    private void startInfrastructure(Path dataDirectory) {
        var postgresStart = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgres.start(dataDirectory.resolve("postgres"), properties.postgresPort())
                        .withoutShutdownHook());
        var kafkaStart = CompletableFuture.supplyAsync(
                () -> EmbeddedKafka.start(dataDirectory.resolve("kafka"), properties.kafkaPort())
                        .withoutShutdownHook());
        try {
            postgres = postgresStart.join();
        } finally {
            kafka = awaitQuietly(kafkaStart);
        }
        if (kafka == null) {
            kafkaStart.join(); // rethrows the broker's failure
        }
        postgres.createDatabaseIfMissing(DATABASE);
    }

    private void startServices(Path dataDirectory, Instant deadline) {
        // Every service context would otherwise reset logging; the launcher has set it up once for all of them.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        PlatformSecrets secrets = new PlatformSecrets(dataDirectory.resolve("secrets"));
        Map<String, Object> secretSettings = Map.of(
                "chain-monitor.security.jwt.hmac-secret", secrets.tokenSigningKey(),
                "chain-monitor.security.node-rpc-secret", secrets.nodeRpcSecret(),
                "chain-monitor.alerts.secret-key", secrets.alertsSecretKey());
        List<CompletableFuture<RunningService>> starts = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(Service.values().length)) {
            for (Service service : Service.values()) {
                starts.add(CompletableFuture.supplyAsync(() -> startService(service, secretSettings, dataDirectory),
                        executor));
            }
            for (CompletableFuture<RunningService> start : starts) {
                RunningService running = awaitQuietly(start);
                if (running != null) {
                    services.put(running.service(), running);
                }
            }
        }
        for (CompletableFuture<RunningService> start : starts) {
            start.join(); // rethrows the first failure, once every start has ended
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("services took longer than " + properties.startTimeout() + " to start");
        }
    }

    private RunningService startService(Service service, Map<String, Object> secretSettings, Path dataDirectory) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", postgres.jdbcUrl(DATABASE));
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", postgres.password());
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("server.address", properties.host());
        settings.put("server.port", properties.portOf(service));
        settings.put("management.server.address", properties.host());
        settings.put("management.server.port", properties.managementPortOf(service));
        settings.putAll(secretSettings);
        settings.put("chain-monitor.kafka.create-topics", false);
        settings.put("spring.main.banner-mode", "off");
        settings.put("management.metrics.use-global-registry", false);
        settings.putAll(service.dataSettings(dataDirectory));
        // As arguments, so that they win over the service's own configuration file.
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = service.builder()
                .registerShutdownHook(false)
                .run(arguments);
        return RunningService.of(service, context);
    }

    @Override
    public void stop() {
        running = false;
        stopAll();
    }

    private void stopAll() {
        List<Service> order = new ArrayList<>(services.keySet());
        Collections.reverse(order);
        for (Service service : order) {
            RunningService runningService = services.remove(service);
            try {
                runningService.context().close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", service.serviceName(), e.getMessage());
            }
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        log.info("Chain Monitor stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The base URL of a running service's API. */
    String urlOf(Service service) {
        RunningService running = services.get(service);
        if (running == null) {
            throw new IllegalStateException(service.serviceName() + " is not running");
        }
        return "http://" + properties.host() + ":" + running.port();
    }

    /** The running services, for tests and the ready banner. */
    Map<Service, RunningService> services() {
        return Map.copyOf(services);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /** From the platform's start to all services healthy. */
    Duration timeToHealthy() {
        return timeToHealthy;
    }

    private static <T> T awaitQuietly(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            return null;
        }
    }
}
