package io.chainmonitor.chainwatcher.follow;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.chainwatcher.ChainWatcherException;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.support.kafka.UnprocessableEventException;

/**
 * Starts and stops following replicas from {@code cm.projects.v1}: a running replica with an RPC endpoint is
 * followed, a stopped or failed one is not, a deleted project is forgotten. Handling the same event twice changes
 * nothing, so redelivery is harmless.
 */
@Component
class LifecycleListener {

    private final Followers followers;

    LifecycleListener(Followers followers) {
        this.followers = followers;
    }

    @KafkaListener(topics = "cm.projects.v1")
    void on(Envelope<?> event) {
        try {
            if (event.data() instanceof ReplicaLifecycle replica) {
                onReplica(replica);
            } else if (event.data() instanceof ProjectLifecycle project
                    && project.change() == ProjectLifecycle.Change.DELETED) {
                followers.forgetProject(project.projectId());
            }
            // Created or changed projects carry nothing to follow: replicas announce themselves.
        } catch (ChainWatcherException e) {
            // An unknown chain type or a missing endpoint will not get better on redelivery.
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }

    private void onReplica(ReplicaLifecycle replica) {
        ReplicaKey key = new ReplicaKey(replica.projectId(), replica.replicaId());
        switch (replica.state()) {
            case RUNNING -> {
                if (replica.endpoints() == null || replica.endpoints().rpcUrl() == null) {
                    throw new ChainWatcherException(ChainWatcherException.Reason.NO_ENDPOINT,
                            "running replica " + key.subject() + " names no rpcUrl");
                }
                followers.follow(key, replica.chainType(), replica.endpoints().rpcUrl(), replica.endpoints().wsUrl());
            }
            case STOPPED, FAILED -> followers.unfollow(key);
            default -> {
                // Starting, unhealthy, restarting, isolated: keep following; the follower notices a silent node.
            }
        }
    }
}
