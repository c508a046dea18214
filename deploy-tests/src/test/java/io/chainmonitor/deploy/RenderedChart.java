package io.chainmonitor.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The chart rendered by Helm's own template engine (helm-java), every manifest parsed with the fabric8 model. */
record RenderedChart(String yaml, List<HasMetadata> manifests) {

    static final String RELEASE = "cm";
    static final String NAMESPACE = "chain-monitor";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Path chart() {
        return ServiceModule.root().resolve("helm/chain-monitor");
    }

    static RenderedChart withDefaults() {
        return render(command -> command);
    }

    static RenderedChart withProductionValues() {
        return render(command -> command.withValuesFile(chart().resolve("values-production.yaml")));
    }

    /** Renders with {@code helm template cm helm/chain-monitor -n chain-monitor}, adjusted by {@code options}. */
    static RenderedChart render(UnaryOperator<TemplateCommand> options) {
        TemplateCommand command = new Helm(chart()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion("1.31.0");
        String yaml = options.apply(command).call();
        List<HasMetadata> manifests = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                manifests.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return new RenderedChart(yaml, manifests);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind, String name) {
        List<T> found = all(kind).stream().filter(m -> m.getMetadata().getName().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.getSimpleName() + " " + name + ", found " + found.size()
                    + " among " + manifests.stream().map(m -> m.getKind() + "/" + m.getMetadata().getName()).toList());
        }
        return found.getFirst();
    }

    List<HasMetadata> ofKind(String kind) {
        return manifests.stream().filter(m -> m.getKind().equals(kind)).toList();
    }

    static String fullname(String service) {
        return RELEASE + "-" + service;
    }

    /** The selector labels every object of a service carries. */
    static Map<String, String> selector(String service) {
        return Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/instance", RELEASE);
    }
}
