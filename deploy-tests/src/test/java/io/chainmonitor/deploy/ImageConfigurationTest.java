package io.chainmonitor.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jib configuration in the POMs: image names, user and JVM flags once; each service's profile, ports and entry. */
class ImageConfigurationTest {

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void theParentConfiguresJibOnceWithTheImageNameANonRootUserAndContainerSizedHeap() throws Exception {
        Document root = pom(ServiceModule.root().resolve("pom.xml"));
        String jib = "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration";
        assertThat(text(root, jib + "/to/image")).isEqualTo("chain-monitor/${project.artifactId}:${project.version}");
        assertThat(text(root, jib + "/outputPaths/tar")).isEqualTo("${project.build.directory}/jib-image.tar");
        assertThat(text(root, jib + "/container/user")).isEqualTo("${chain-monitor.image.user}");
        String user = text(root, "/project/properties/chain-monitor.image.user");
        assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(texts(root, jib + "/container/jvmFlags/jvmFlag"))
                .anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="))
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(texts(root, jib + "/container/ports/port")).containsExactly("${chain-monitor.image.port}",
                "${chain-monitor.image.management-port}");
        assertThat(texts(root, "/project/build/plugins/plugin/artifactId")).as("a plain build never runs Jib")
                .doesNotContain("jib-maven-plugin");
    }

    @Test
    void everyServiceBuildsItsImageTarInProfileImagesWithItsOwnPortsAndMainClass() throws Exception {
        for (ServiceModule module : ServiceModule.all()) {
            Document pom = pom(module.directory().resolve("pom.xml"));
            assertThat(texts(pom, "/project/build/plugins/plugin/artifactId")).as(module.name())
                    .doesNotContain("jib-maven-plugin");
            String profile = "/project/profiles/profile[id='images']";
            assertThat(text(pom, profile + "/properties/chain-monitor.image.port")).as(module.name())
                    .isEqualTo(String.valueOf(module.port()));
            assertThat(text(pom, profile + "/properties/chain-monitor.image.management-port")).as(module.name())
                    .isEqualTo(String.valueOf(module.managementPort()));
            String execution = profile + "/build/plugins/plugin[artifactId='jib-maven-plugin']/executions/execution";
            assertThat(text(pom, execution + "/phase")).as(module.name()).isEqualTo("package");
            assertThat(text(pom, execution + "/goals/goal")).as(module.name()).isEqualTo("buildTar");
            String mainClass = text(pom, profile + "/properties/chain-monitor.image.main-class");
            Path source = module.directory().resolve("src/main/java/" + mainClass.replace('.', '/') + ".java");
            assertThat(source).as(module.name() + " main class").exists();
            assertThat(Files.readString(source)).contains("public static void main(String[] args)")
                    .contains("spring.config.name=");
        }
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document document, String path) throws Exception {
        Node node = (Node) XPATH.evaluate(path, document, XPathConstants.NODE);
        assertThat(node).as(path).isNotNull();
        return node.getTextContent().trim();
    }

    private static List<String> texts(Document document, String path) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(path, document, XPathConstants.NODESET);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent().trim());
        }
        return result;
    }
}
