package io.chainmonitor.support.embedded.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.chainmonitor.support.embedded.EmbeddedKafka;
import io.chainmonitor.support.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedInfrastructure.class)
class EmbeddedInfrastructureIT {

    @Test
    void injectsTheOneBrokerAndTheOneDatabaseServerOfThisJvm(EmbeddedKafka kafka, EmbeddedPostgres postgres) {
        assertThat(kafka).isSameAs(EmbeddedInfrastructure.kafka());
        assertThat(postgres).isSameAs(EmbeddedInfrastructure.postgres());
        assertThat(EmbeddedInfrastructure.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
    }

    @Test
    void keepsItsDataUnderTheBuildDirectory(EmbeddedPostgres postgres) {
        assertThat(postgres.dataDirectory()).startsWith(BuildDirectory.path());
    }

    @Test
    void registersSpringPropertiesThatReachBothServers() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        DynamicPropertyRegistry registry = properties::put;

        EmbeddedInfrastructure.registerProperties(registry, "health");

        assertThat(properties).containsOnlyKeys("spring.kafka.bootstrap-servers", "spring.datasource.url",
                "spring.datasource.username", "spring.datasource.password");
        String url = (String) properties.get("spring.datasource.url").get();
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/health");
        try (Connection connection = DriverManager.getConnection(url,
                (String) properties.get("spring.datasource.username").get(),
                (String) properties.get("spring.datasource.password").get());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("health");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("spring.kafka.bootstrap-servers").get()))) {
            admin.createTopics(List.of(new NewTopic("cm.it.infrastructure.v1", 1, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("cm.it.infrastructure.v1");
        }
    }

    @Test
    void pointsTheDataSourceAtTheDefaultDatabaseUnlessToldOtherwise() {
        Map<String, Supplier<Object>> properties = new HashMap<>();

        EmbeddedInfrastructure.registerProperties(properties::put);

        assertThat((String) properties.get("spring.datasource.url").get())
                .endsWith("/" + EmbeddedInfrastructure.DEFAULT_DATABASE);
    }
}
