package io.chainmonitor.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml checked against the services' own configuration files and sources. */
class ComposeFileTest {

    /** Services that share spawner-service's network namespace to reach process replicas on its loopback. */
    private static final Set<String> IN_SPAWNER_NETWORK = Set.of("chain-watcher-service", "wire-listener-service");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(ServiceModule.root().resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyServiceRunsTheImageJibBuildsForItsModule() {
        String version = System.getProperty("chain-monitor.deploy.version", "0.1.0-SNAPSHOT");
        for (String name : ServiceModule.NAMES) {
            assertThat(services).as("compose services").containsKey(name);
            assertThat(services.get(name).get("image")).as(name)
                    .isEqualTo("chain-monitor/" + name + ":${CHAIN_MONITOR_VERSION:-" + version + "}");
        }
    }

    @Test
    void everyVariableTheServiceFileReadsIsGivenAsEnvironmentOrSecret() {
        for (ServiceModule module : ServiceModule.all()) {
            Set<String> given = environment(module.name()).keySet();
            List<String> missing = module.placeholders().stream()
                    .filter(p -> !given.contains(p) && !secretTargets(module.name()).contains(p)).toList();
            assertThat(missing).as(module.name() + " reads these from the environment").isEmpty();
        }
    }

    @Test
    void theDatabaseAndBrokerAddressesNameComposeServicesAndTheirPorts() {
        for (String name : ServiceModule.NAMES) {
            Map<String, String> env = environment(name);
            assertThat(env.get("CHAIN_MONITOR_DB_URL")).as(name)
                    .isEqualTo("jdbc:postgresql://postgres:5432/chainmonitor");
            assertThat(env.get("CHAIN_MONITOR_KAFKA")).as(name).isEqualTo("kafka:9092");
        }
        Map<String, String> kafka = stringMap(services.get("kafka").get("environment"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).as("KRaft, no ZooKeeper").isEqualTo("broker,controller");
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(stringMap(services.get("postgres").get("environment")))
                .containsEntry("POSTGRES_DB", "chainmonitor")
                .containsEntry("POSTGRES_USER", environment("spawner-service").get("CHAIN_MONITOR_DB_USER"));
    }

    @Test
    void everyServiceVariableBindsToAPropertyTheServiceHas() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.all()) {
            ConfigurationKeys keys = ConfigurationKeys.of(module);
            List<String> names = new ArrayList<>(environment(module.name()).keySet());
            // configtree secrets are named after their property.
            secretTargets(module.name()).stream().map(t -> t.contains(".") ? ConfigurationKeys.toEnv(t) : t)
                    .forEach(names::add);
            names.stream().filter(n -> n.startsWith("CHAIN_MONITOR_") && !module.placeholders().contains(n))
                    .forEach(n -> keys.problemWith(n).ifPresent(p -> problems.add(module.name() + ": " + p)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void secretsComeFromComposeSecretsAndNoValueLooksLikeOne() {
        Pattern secretish = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|_KEY)$");
        List<String> inline = new ArrayList<>();
        services.forEach((name, service) -> stringMap(service.get("environment")).keySet().stream()
                .filter(key -> secretish.matcher(key).matches()).forEach(key -> inline.add(name + ": " + key)));
        assertThat(inline).as("secret values inline (use a compose secret or a *_FILE variable)").isEmpty();
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(secretTargets(module.name())).as(module.name()).contains("CHAIN_MONITOR_DB_PASSWORD",
                    "chain-monitor.security.jwt.hmac-secret");
            assertThat(environment(module.name())).as(module.name())
                    .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) compose.get("secrets");
        secrets.forEach((name, secret) -> assertThat(secret.get("file").toString()).as(name).startsWith("./secrets/"));
    }

    @Test
    void apiPortsArePublishedAsTheServicesListenOnThem() {
        for (ServiceModule module : ServiceModule.all()) {
            String owner = IN_SPAWNER_NETWORK.contains(module.name()) ? "spawner-service" : module.name();
            if (!owner.equals(module.name())) {
                assertThat(services.get(module.name()).get("network_mode")).isEqualTo("service:spawner-service");
                assertThat(services.get(module.name())).doesNotContainKey("ports");
            }
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) services.get(owner).get("ports");
            assertThat(ports).as(module.name())
                    .containsAnyOf(module.port() + ":" + module.port(),
                            "127.0.0.1:" + module.port() + ":" + module.port());
            assertThat(ports).as("management ports stay inside")
                    .noneMatch(p -> p.endsWith(":" + module.managementPort()));
        }
        assertThat(stringList(services.get("dashboard-ui").get("ports"))).as("the dashboard faces outside")
                .containsExactly("8080:8080");
    }

    @Test
    void everyServiceIsHealthcheckedOnItsManagementPortAndWaitsForHealthyDependencies() {
        for (ServiceModule module : ServiceModule.all()) {
            Map<String, Object> service = services.get(module.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertThat(String.join(" ", stringList(healthcheck.get("test")))).as(module.name())
                    .contains("/dev/tcp/127.0.0.1/" + module.managementPort())
                    .contains("/actuator/health/readiness");
            Map<String, String> dependsOn = conditions(service);
            assertThat(dependsOn).as(module.name()).containsEntry("kafka", "service_healthy")
                    .containsEntry("postgres", "service_healthy");
        }
        for (String infrastructure : List.of("kafka", "postgres", "prometheus", "grafana")) {
            assertThat(services.get(infrastructure)).as(infrastructure).containsKey("healthcheck");
        }
        assertThat(conditions(services.get("dashboard-ui")).keySet()).as("the dashboard starts last")
                .containsAll(ServiceModule.NAMES.stream().filter(n -> !n.equals("dashboard-ui")).toList());
        IN_SPAWNER_NETWORK.forEach(n -> assertThat(conditions(services.get(n)))
                .containsEntry("spawner-service", "service_healthy"));
    }

    @Test
    void prometheusScrapesEveryManagementPortWhereItIsReachable() throws IOException {
        Map<String, Object> prometheus = new Yaml()
                .load(Files.readString(ServiceModule.root().resolve("deploy/prometheus/prometheus.yml")));
        String text = prometheus.toString();
        assertThat(text).contains("metrics_path=/actuator/prometheus");
        for (ServiceModule module : ServiceModule.all()) {
            String host = IN_SPAWNER_NETWORK.contains(module.name()) ? "spawner-service" : module.name();
            assertThat(text).as(module.name()).contains("[" + host + ":" + module.managementPort() + "]")
                    .contains("application=" + module.name());
        }
        assertThat(String.join(" ", stringList(volumes("prometheus"))))
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaDashboardsQueryOnlyMetersTheServicesRegister() throws IOException {
        Set<String> meters = MeterNames.inSources();
        assertThat(meters).contains("cm_health_evaluation_findings", "cm_alerts_delivery_attempts",
                "wire_recorder_recorded", "cm_kafka_dead_letters");
        String dashboard = Files
                .readString(ServiceModule.root().resolve("deploy/grafana/dashboards/chain-monitor-platform.json"));
        Matcher queried = Pattern.compile("\\b((?:cm|wire)_[a-z0-9_]+)").matcher(dashboard);
        List<String> unknown = new ArrayList<>();
        int count = 0;
        while (queried.find()) {
            count++;
            String base = queried.group(1).replaceAll("(_seconds)?_(total|bucket|count|sum|max)$", "");
            if (!meters.contains(base)) {
                unknown.add(queried.group(1));
            }
        }
        assertThat(count).as("platform metrics queried").isGreaterThanOrEqualTo(8);
        assertThat(unknown).as("queried but registered nowhere").isEmpty();
        assertThat(dashboard).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(String.join(" ", stringList(volumes("grafana")))).contains("./deploy/grafana/provisioning",
                "./deploy/grafana/dashboards");
    }

    private static Map<String, String> environment(String service) {
        return stringMap(services.get(service).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> secretTargets(String service) {
        List<Object> secrets = (List<Object>) services.get(service).getOrDefault("secrets", List.of());
        return secrets.stream().map(s -> s instanceof Map<?, ?> m ? String.valueOf(m.get("target")) : s.toString())
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> conditions(Map<String, Object> service) {
        Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service.get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        dependsOn.forEach((name, condition) -> result.put(name, String.valueOf(condition.get("condition"))));
        return result;
    }

    private static Object volumes(String service) {
        return services.get(service).get("volumes");
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        }
        return result;
    }

    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
