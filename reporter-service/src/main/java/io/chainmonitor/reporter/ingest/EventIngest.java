package io.chainmonitor.reporter.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.finding.Finding;

/**
 * Stores one kept event, exactly once: the processed-event mark, the event row and, for a finding, its incident are
 * written in one transaction, so a redelivery after a crash either finds everything or nothing.
 */
@Service
public class EventIngest {

    private static final Logger log = LoggerFactory.getLogger(EventIngest.class);

    private final ProcessedEvents processed;
    private final EventStore events;
    private final IncidentStore incidents;
    private final EventCodec codec;
    private final ApplicationEventPublisher publisher;

    EventIngest(ProcessedEvents processed, EventStore events, IncidentStore incidents, EventCodec codec,
            ApplicationEventPublisher publisher) {
        this.processed = processed;
        this.events = events;
        this.incidents = incidents;
        this.codec = codec;
        this.publisher = publisher;
    }

    /** Stores the event; false when it had been stored before or is of a type the reporter does not keep. */
    @Transactional
    public boolean ingest(Envelope<?> envelope) {
        Optional<EventRow> row = EventRow.of(envelope);
        if (row.isEmpty()) {
            log.debug("event {} of type {} is not kept", envelope.id(), envelope.type());
            return false;
        }
        if (!processed.firstDelivery(envelope.uuid(), envelope.topic().topicName())) {
            log.debug("event {} was stored before", envelope.id());
            return false;
        }
        events.insert(envelope, new String(codec.write(envelope), StandardCharsets.UTF_8), row.get());
        if (envelope.data() instanceof Finding finding) {
            UUID incident = incidents.fold(envelope, finding);
            publisher.publishEvent(new IncidentChanged(envelope.projectid(), incident));
        }
        return true;
    }
}
