package io.chainmonitor.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart rendered with default and production values, and the invariants every rendering must keep. */
class HelmChartTest {

    /** Services whose work is spread by Kafka partitions over any number of instances. */
    private static final Set<String> STATELESS = Set.of("dashboard-ui", "health-service", "reporter-service",
            "alerts-service", "action-service");

    private static RenderedChart defaults;
    private static RenderedChart production;

    @BeforeAll
    static void render() {
        defaults = RenderedChart.withDefaults();
        production = RenderedChart.withProductionValues();
    }

    @Test
    void theChartPassesHelmLint() {
        LintResult result = new Helm(RenderedChart.chart()).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void everyServiceHasADeploymentOfItsJibImageWithItsOwnPortsProbesAndResources() {
        for (RenderedChart chart : List.of(defaults, production)) {
            for (ServiceModule module : ServiceModule.all()) {
                Deployment deployment = chart.one(Deployment.class, RenderedChart.fullname(module.name()));
                Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
                assertThat(container.getImage()).as(module.name())
                        .endsWith("chain-monitor/" + module.name() + ":0.1.0-SNAPSHOT");
                Map<String, Integer> ports = container.getPorts().stream()
                        .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
                assertThat(ports).as(module.name())
                        .isEqualTo(Map.of("http", module.port(), "management", module.managementPort()));
                assertProbe(container.getStartupProbe(), "/actuator/health/liveness", module.name());
                assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", module.name());
                assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", module.name());
                assertThat(container.getResources().getRequests()).as(module.name()).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(module.name()).containsKey("memory");
                assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                        .isTrue();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                        .containsAllEntriesOf(RenderedChart.selector(module.name()));
            }
        }
    }

    @Test
    void everyVariableIsOneTheServiceReadsOrBindsToAPropertyItHas() {
        List<String> problems = new java.util.ArrayList<>();
        for (RenderedChart chart : List.of(defaults, production)) {
            for (ServiceModule module : ServiceModule.all()) {
                ConfigurationKeys keys = ConfigurationKeys.of(module);
                Map<String, EnvVar> env = chart.one(Deployment.class, RenderedChart.fullname(module.name())).getSpec()
                        .getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                        .collect(Collectors.toMap(EnvVar::getName, e -> e));
                assertThat(env.keySet()).as(module.name() + " reads these from the environment")
                        .containsAll(module.placeholders());
                assertThat(env.get("SERVER_PORT").getValue()).isEqualTo(String.valueOf(module.port()));
                assertThat(env.get("MANAGEMENT_SERVER_PORT").getValue())
                        .isEqualTo(String.valueOf(module.managementPort()));
                env.keySet().stream().filter(n -> n.startsWith("CHAIN_MONITOR_") && !module.placeholders().contains(n))
                        // A map's keys (images per chain type) are data, not property names.
                        .map(n -> n.replaceFirst("(_IMAGES)_.*$", "$1"))
                        .forEach(n -> keys.problemWith(n).ifPresent(p -> problems.add(module.name() + ": " + p)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServiceHasAPodDisruptionBudgetSelectingItsPods() {
        for (String name : ServiceModule.NAMES) {
            PodDisruptionBudget budget = defaults.one(PodDisruptionBudget.class, RenderedChart.fullname(name));
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(RenderedChart.selector(name));
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        }
    }

    @Test
    void onlyStatelessServicesAutoscaleAndTheSingletonsKeepOneReplica() {
        Map<String, HorizontalPodAutoscaler> autoscalers = defaults.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertThat(autoscalers.keySet())
                .isEqualTo(STATELESS.stream().map(RenderedChart::fullname).collect(Collectors.toSet()));
        autoscalers.values().forEach(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        for (String name : ServiceModule.NAMES) {
            Deployment deployment = defaults.one(Deployment.class, RenderedChart.fullname(name));
            if (STATELESS.contains(name)) {
                assertThat(deployment.getSpec().getReplicas()).as(name + ": the autoscaler decides").isNull();
            } else {
                assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(1);
            }
        }
    }

    @Test
    void noSecretValueIsRenderedAndEverySecretIsReadByReference() {
        for (RenderedChart chart : List.of(defaults, production)) {
            assertThat(chart.ofKind("Secret")).isEmpty();
            for (Deployment deployment : chart.all(Deployment.class)) {
                for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
                    if (env.getName().matches(".*(PASSWORD|SECRET|_KEY)$")) {
                        assertThat(env.getValue()).as(deployment.getMetadata().getName() + " " + env.getName())
                                .isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
                    }
                }
            }
        }
        assertThat(env(defaults, "spawner-service", "CHAIN_MONITOR_DB_PASSWORD").getValueFrom().getSecretKeyRef()
                .getName()).isEqualTo("chain-monitor-db");
        assertThat(env(production, "spawner-service", "CHAIN_MONITOR_DB_PASSWORD").getValueFrom()
                .getSecretKeyRef().getName()).as("CloudNativePG's generated app Secret")
                .isEqualTo("chain-monitor-db-app");
        assertThat(env(defaults, "health-service", "CHAIN_MONITOR_SECURITY_NODE_RPC_SECRET"))
                .as("only the spawner, chain watcher and wire listener hold the node RPC secret").isNull();
        assertThat(env(defaults, "chain-watcher-service", "CHAIN_MONITOR_SECURITY_NODE_RPC_SECRET")).isNotNull();
    }

    @Test
    void theSpawnerMayManageReplicasInTheirNamespaceOnly() {
        for (RenderedChart chart : List.of(defaults, production)) {
            assertThat(chart.ofKind("ClusterRole")).isEmpty();
            assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
        }
        Role role = production.one(Role.class, "cm-spawner-service-replicas");
        assertThat(role.getMetadata().getNamespace()).isEqualTo("chain-monitor-replicas");
        Map<String, PolicyRule> rules = role.getRules().stream()
                .collect(Collectors.toMap(r -> r.getApiGroups().getFirst() + "/" + String.join(",", r.getResources()),
                        r -> r));
        assertThat(rules.get("/pods,services,persistentvolumeclaims").getVerbs())
                .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "delete");
        assertThat(rules.get("/pods/log").getVerbs()).containsExactly("get");
        assertThat(rules.get("metrics.k8s.io/pods").getVerbs()).containsExactly("get");
        RoleBinding binding = production.one(RoleBinding.class, "cm-spawner-service-replicas");
        assertThat(binding.getMetadata().getNamespace()).isEqualTo("chain-monitor-replicas");
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("cm-spawner-service");
            assertThat(s.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
        });
        production.one(ServiceAccount.class, "cm-spawner-service");
        for (Deployment deployment : production.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            if (deployment.getMetadata().getName().equals("cm-spawner-service")) {
                assertThat(pod.getServiceAccountName()).isEqualTo("cm-spawner-service");
            } else {
                assertThat(pod.getAutomountServiceAccountToken()).as(deployment.getMetadata().getName()).isFalse();
            }
        }
        assertThat(defaults.one(Role.class, "cm-spawner-service-replicas").getMetadata().getNamespace())
                .as("the release's namespace by default").isEqualTo(RenderedChart.NAMESPACE);
    }

    @Test
    void locationsBecomeZoneAndRegionTargetsOfTheKubernetesRuntime() {
        assertThat(envValue(production, "spawner-service", "CHAIN_MONITOR_SPAWNER_LOCATIONS_0_TARGET"))
                .isEqualTo("zone=eu-west-1a");
        assertThat(envValue(production, "spawner-service", "CHAIN_MONITOR_SPAWNER_LOCATIONS_2_TARGET"))
                .isEqualTo("region=us-east-1");
        assertThat(envValue(production, "spawner-service", "CHAIN_MONITOR_SPAWNER_LOCATIONS_1_RUNTIME"))
                .isEqualTo("kubernetes");
        assertThat(envValue(production, "spawner-service", "CHAIN_MONITOR_SPAWNER_KUBERNETES_NAMESPACE"))
                .isEqualTo("chain-monitor-replicas");
        assertThat(envValue(production, "spawner-service", "CHAIN_MONITOR_SPAWNER_KUBERNETES_BINARY_BASE_URL"))
                .isEqualTo("http://cm-spawner-service.chain-monitor.svc:8081");
    }

    @Test
    void onlyTheDashboardAndTheWireListenersPublicPortsAreOpenToAnyone() {
        for (RenderedChart chart : List.of(defaults, production)) {
            for (String name : ServiceModule.NAMES) {
                NetworkPolicy policy = chart.one(NetworkPolicy.class, RenderedChart.fullname(name));
                assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(RenderedChart.selector(name));
                assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    boolean open = rule.getFrom() == null || rule.getFrom().isEmpty()
                            || rule.getFrom().stream().anyMatch(p -> p.getIpBlock() != null
                                    && p.getIpBlock().getCidr().equals("0.0.0.0/0"));
                    if (!open) {
                        continue;
                    }
                    String port = rule.getPorts().getFirst().getPort().getStrVal();
                    if (name.equals("dashboard-ui")) {
                        assertThat(port).as("the dashboard's API port").isEqualTo("http");
                    } else {
                        assertThat(name).as("an open rule").isEqualTo("wire-listener-service");
                        assertThat(rule.getPorts().getFirst().getPort().getIntVal()).isEqualTo(32768);
                        assertThat(rule.getPorts().getFirst().getEndPort()).isEqualTo(60999);
                    }
                }
                assertThat(policy.getSpec().getIngress()).as(name + ": management only for the metrics namespace")
                        .filteredOn(r -> "management".equals(r.getPorts().getFirst().getPort().getStrVal()))
                        .singleElement()
                        .satisfies(r -> assertThat(r.getFrom()).allMatch(p -> p.getNamespaceSelector() != null));
            }
        }
    }

    @Test
    void theDashboardIsTheOnlyServiceBehindAnIngress() {
        assertThat(defaults.ofKind("Ingress")).isEmpty();
        Ingress ingress = production.one(Ingress.class, "cm-dashboard-ui");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("chain-monitor.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getBackend().getService().getName()).isEqualTo("cm-dashboard-ui");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("chain-monitor-tls"));
        for (RenderedChart chart : List.of(defaults, production)) {
            assertThat(chart.all(io.fabric8.kubernetes.api.model.Service.class))
                    .allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
        }
    }

    @Test
    void onlyTheChainWatcherAndTheWireListenerReachReplicaPods() {
        NetworkPolicy replicas = production.one(NetworkPolicy.class, "cm-replicas");
        assertThat(replicas.getMetadata().getNamespace()).isEqualTo("chain-monitor-replicas");
        assertThat(replicas.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("io.chainmonitor.managed-by", "chain-monitor-spawner"));
        List<NetworkPolicyPeer> peers = replicas.getSpec().getIngress().stream()
                .flatMap(r -> r.getFrom().stream()).toList();
        assertThat(peers.stream().filter(p -> p.getNamespaceSelector() != null)
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")))
                .containsExactlyInAnyOrder("chain-watcher-service", "wire-listener-service");
        assertThat(peers.stream().filter(p -> p.getNamespaceSelector() == null && p.getPodSelector() != null)
                .map(p -> p.getPodSelector().getMatchLabels()))
                .as("replicas peer with each other")
                .containsExactly(replicas.getSpec().getPodSelector().getMatchLabels());
        assertThat(peers.stream().filter(p -> p.getIpBlock() != null).map(p -> p.getIpBlock().getCidr()))
                .as("the host-network wire listener comes from the nodes' range").containsExactly("10.0.0.0/16");
        assertThat(defaults.one(NetworkPolicy.class, "cm-replicas").getSpec().getIngress().getFirst().getFrom())
                .noneMatch(p -> p.getIpBlock() != null);
    }

    @Test
    void serviceMonitorsScrapeEveryManagementPortWhenEnabled() {
        assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
        List<HasMetadata> monitors = production.ofKind("ServiceMonitor");
        assertThat(monitors.stream().map(m -> m.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(
                        ServiceModule.NAMES.stream().map(RenderedChart::fullname).toList());
        assertThat(production.yaml()).contains("path: /actuator/prometheus").contains("release: kube-prometheus-stack");
    }

    @Test
    void productionValuesUseStrimziAndCloudNativePgInsteadOfHomeMadeStatefulSets() {
        assertThat(defaults.ofKind("Kafka")).isEmpty();
        assertThat(defaults.ofKind("StatefulSet")).isEmpty();
        assertThat(production.ofKind("StatefulSet")).isEmpty();
        assertThat(production.ofKind("Kafka")).singleElement()
                .satisfies(k -> assertThat(k.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2"));
        assertThat(production.ofKind("KafkaNodePool")).hasSize(1);
        assertThat(production.ofKind("Cluster")).singleElement()
                .satisfies(c -> assertThat(c.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1"));
        assertThat(envValue(production, "health-service", "CHAIN_MONITOR_KAFKA"))
                .isEqualTo("chain-monitor-kafka-bootstrap:9092");
        assertThat(envValue(production, "health-service", "CHAIN_MONITOR_DB_URL"))
                .isEqualTo("jdbc:postgresql://chain-monitor-db-rw:5432/chainmonitor");
        assertThat(envValue(production, "health-service", "CHAIN_MONITOR_SECURITY_JWT_JWK_SET_URI"))
                .startsWith("https://");
        assertThat(env(production, "health-service", "CHAIN_MONITOR_SECURITY_JWT_HMAC_SECRET")).isNull();
    }

    @Test
    void theValuesSchemaRefusesASecondSpawnerAndALocationWithoutZoneOrRegion() {
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("services.spawner-service.replicas", 2)))
                .hasMessageContaining("don't meet the specifications of the schema")
                .hasMessageContaining("/services/spawner-service/replicas");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("spawner.locations[0].name", "nowhere")))
                .hasMessageContaining("don't meet the specifications of the schema")
                .hasMessageContaining("/spawner/locations/0");
        assertThatThrownBy(() -> RenderedChart.render(c -> c.set("kafka.replicationFactor", 0)))
                .hasMessageContaining("don't meet the specifications of the schema")
                .hasMessageContaining("/kafka/replicationFactor");
    }

    @Test
    void twoJwtKeySourcesAreRefusedAsTheServicesWouldRefuseThem() {
        assertThatThrownBy(() -> RenderedChart
                .render(c -> c.set("security.jwt.jwkSetUri", "https://issuer.example.com/jwks")))
                .hasMessageContaining("exactly one of jwkSetUri, publicKeySecret.name and hmacSecret.name");
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertThat(probe).as(service + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(service).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(service).isEqualTo("management");
    }

    private static EnvVar env(RenderedChart chart, String service, String name) {
        return chart.one(Deployment.class, RenderedChart.fullname(service)).getSpec().getTemplate().getSpec()
                .getContainers().getFirst().getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static String envValue(RenderedChart chart, String service, String name) {
        EnvVar env = env(chart, service, name);
        assertThat(env).as(service + " " + name).isNotNull();
        return env.getValue();
    }
}
