package io.chainmonitor.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic catalog and the event types fit together and follow the naming rules of the contract. */
class EventCatalogTest {

    private static final Pattern TOPIC_NAME = Pattern.compile("cm\\.[a-z]+(\\.[a-z]+)?\\.v([1-9][0-9]*)");
    private static final Pattern TYPE_NAME = Pattern.compile("io\\.chainmonitor(\\.[a-z]+)+\\.v([1-9][0-9]*)");

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicCarriesAtLeastOneEventType(Topic topic) {
        assertThat(topic.eventTypes()).isNotEmpty().allSatisfy(type -> assertThat(type.topic()).isEqualTo(topic));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicNameIsDomainStreamAndMajorVersion(Topic topic) {
        assertThat(topic.topicName()).matches(TOPIC_NAME);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasTheMajorVersionOfItsTopic(EventType type) {
        assertThat(type.type()).matches(TYPE_NAME);

        assertThat(major(TYPE_NAME, type.type())).isEqualTo(major(TOPIC_NAME, type.topic().topicName()));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicHasADeadLetterTopicNamedAfterIt(Topic topic) {
        assertThat(topic.deadLetterTopicName()).isEqualTo(topic.topicName() + "-dlt");
        assertThat(Topic.byName(topic.deadLetterTopicName())).isEmpty();
    }

    @Test
    void deadLettersAreKeptLongEnoughToBeLookedAt() {
        assertThat(Topic.DEAD_LETTER_RETENTION).isGreaterThanOrEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void onlyACompactedTopicHasNoRetention(Topic topic) {
        assertThat(topic.retention().isEmpty()).isEqualTo(topic.cleanup() == Topic.Cleanup.COMPACT);
        topic.retention().ifPresent(retention -> assertThat(retention).isPositive());
    }

    @Test
    void theRulesTopicIsTheCompactedOneAndUsesKafkasPolicyNames() {
        assertThat(Arrays.stream(Topic.values()).filter(t -> t.cleanup() == Topic.Cleanup.COMPACT))
                .containsExactly(Topic.RULES);
        assertThat(Topic.Cleanup.COMPACT.policy()).isEqualTo("compact");
        assertThat(Topic.Cleanup.DELETE.policy()).isEqualTo("delete");
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicHasPartitionsAndADescriptionAndIsFoundByItsName(Topic topic) {
        assertThat(topic.partitions()).isPositive();
        assertThat(topic.description()).isNotBlank();
        assertThat(Topic.byName(topic.topicName())).contains(topic);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsFoundByItsTypeAndItsPayloadNamesIt(EventType type) {
        assertThat(EventType.byType(type.type())).contains(type);
        assertThat(type.payloadType().isRecord()).isTrue();
        assertThat(Arrays.stream(EventType.values()).filter(other -> other.payloadType() == type.payloadType()))
                .containsExactly(type);
    }

    @Test
    void unknownNamesFindNothing() {
        assertThat(EventType.byType("io.chainmonitor.finding.v2")).isEmpty();
        assertThat(EventType.byType(null)).isEmpty();
        assertThat(Topic.byName("cm.findings.v2")).isEmpty();
    }

    private static String major(Pattern pattern, String name) {
        Matcher matcher = pattern.matcher(name);
        assertThat(matcher.matches()).as(name).isTrue();
        return matcher.group(2);
    }
}
