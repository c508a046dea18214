package io.chainmonitor.standalone;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyBannerTest {

    @Test
    void theBannerNamesTheDashboardEveryPortAndBothStartTimes() {
        List<RunningService> services = List.of(
                new RunningService(Service.HEALTH, null, 8084, 9084),
                new RunningService(Service.DASHBOARD, null, 8080, 9080));

        String text = new ReadyBanner("127.0.0.1", services, "127.0.0.1:19092",
                "jdbc:postgresql://127.0.0.1:15432/chainmonitor", Duration.ofMillis(14_650), Duration.ofMillis(12_040))
                .text();

        assertThat(text)
                .contains("all 2 services healthy 14.7 s after the JVM started (platform start 12.0 s)")
                .contains("Dashboard   http://127.0.0.1:8080/")
                .containsPattern("dashboard-ui\\s+8080\\s+9080")
                .containsPattern("health-service\\s+8084\\s+9084")
                .contains("Kafka       127.0.0.1:19092")
                .contains("PostgreSQL  jdbc:postgresql://127.0.0.1:15432/chainmonitor");
        assertThat(text.indexOf("dashboard-ui")).isLessThan(text.indexOf("health-service"));
    }
}
