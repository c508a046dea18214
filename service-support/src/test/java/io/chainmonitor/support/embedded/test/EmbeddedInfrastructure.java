package io.chainmonitor.support.embedded.test;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import io.chainmonitor.support.embedded.EmbeddedKafka;
import io.chainmonitor.support.embedded.EmbeddedPostgres;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, each started on first use, shared by every test class
 * of the JVM and closed when it exits; their data lives in a fresh directory under the build directory, deleted at
 * exit. {@code @ExtendWith(EmbeddedInfrastructure.class)} starts both before a class's tests and injects them as
 * parameters; the static methods serve {@code @DynamicPropertySource} methods.
 */
public final class EmbeddedInfrastructure implements BeforeAllCallback, ParameterResolver {

    /** The database {@link #registerProperties(DynamicPropertyRegistry)} points the data source at. */
    public static final String DEFAULT_DATABASE = "chain_monitor";

    // One lock per server, so that both can start side by side.
    private static final Object KAFKA_LOCK = new Object();
    private static final Object POSTGRES_LOCK = new Object();

    private static Path directory;
    private static volatile EmbeddedKafka kafka;
    private static volatile EmbeddedPostgres postgres;

    /** The shared broker, started if needed. */
    public static EmbeddedKafka kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                // The broker's start-up chatter says nothing a test needs; its warnings still show.
                LoggingSystem logging = LoggingSystem.get(EmbeddedInfrastructure.class.getClassLoader());
                EmbeddedKafka.BROKER_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.WARN));
                kafka = EmbeddedKafka.start(directory().resolve("kafka"), 0);
            }
            return kafka;
        }
    }

    /** The shared database server, started if needed. */
    public static EmbeddedPostgres postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                // The unpacked binaries outlive the JVM so that the next test JVM of the module starts faster.
                postgres = EmbeddedPostgres.start(directory().resolve("postgres"), 0,
                        BuildDirectory.postgresRuntimeCache());
            }
            return postgres;
        }
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The URL of {@code database} on the shared server, creating the database if missing. */
    public static String jdbcUrl(String database) {
        postgres().createDatabaseIfMissing(database);
        return postgres().jdbcUrl(database);
    }

    /** Points Spring's Kafka and data source at the shared servers, using {@link #DEFAULT_DATABASE}. */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        registerProperties(registry, DEFAULT_DATABASE);
    }

    /** Points Spring's Kafka and data source at the shared servers, using {@code database}. */
    public static void registerProperties(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::bootstrapServers);
        registry.add("spring.datasource.url", () -> jdbcUrl(database));
        registry.add("spring.datasource.username", () -> postgres().username());
        registry.add("spring.datasource.password", () -> postgres().password());
    }

    /** Starts both servers, side by side, before the class's tests. */
    @Override
    public void beforeAll(ExtensionContext context) {
        CompletableFuture<EmbeddedKafka> broker = CompletableFuture.supplyAsync(EmbeddedInfrastructure::kafka);
        postgres();
        broker.join();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedKafka.class || type == EmbeddedPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class ? kafka() : postgres();
    }

    private static synchronized Path directory() {
        if (directory == null) {
            directory = BuildDirectory.newTempDirectory("infrastructure-");
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(EmbeddedInfrastructure::closeAll, "embedded-infrastructure"));
        }
        return directory;
    }

    private static void closeAll() {
        EmbeddedKafka broker = kafka;
        EmbeddedPostgres database = postgres;
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }
}
