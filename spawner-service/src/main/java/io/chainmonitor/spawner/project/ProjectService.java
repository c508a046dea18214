package io.chainmonitor.spawner.project;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.project.ProjectLifecycle.Change;
import io.chainmonitor.rules.chain.NetworkSetting;
import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;

/**
 * Projects as their owners see them: a caller reaches only its own projects (a CI token only its one project), and
 * anything else is not found. Every change is stored with its events in one transaction.
 */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ChainTypes chainTypes;
    private final ReplicaSettingsCheck replicaCheck;
    private final ChangeLog changeLog;
    private final ApplicationEventPublisher publisher;

    ProjectService(ProjectRepository projects, ChainTypes chainTypes, ReplicaSettingsCheck replicaCheck,
            ChangeLog changeLog, ApplicationEventPublisher publisher) {
        this.projects = projects;
        this.chainTypes = chainTypes;
        this.replicaCheck = replicaCheck;
        this.changeLog = changeLog;
        this.publisher = publisher;
    }

    @Transactional
    Project create(Caller caller, ProjectRequest request) {
        Caller.User user = requireUser(caller);
        ChainTypeInfo chain = chainType(request.chainType());
        replicaCheck.check(request.replicas());
        checkNetwork(chain.id(), request.replicas().network());
        UUID id = UUID.randomUUID();
        requireFreeName(user.owner(), request.name(), id);
        Instant now = Project.now();
        Project project = new Project(id, user.owner(), request.name(), chain.id(), request.replicas(), null, 1, now,
                now);
        saveUniquelyNamed(request.name(), () -> projects.insert(project));
        changeLog.projectChanged(project, Change.CREATED, caller, settings(project));
        return project;
    }

    @Transactional
    Project update(Caller caller, UUID id, ProjectUpdate update) {
        requireUser(caller);
        Project current = lockReadable(caller, id);
        replicaCheck.check(update.replicas());
        checkNetwork(current.chainType(), update.replicas().network());
        if (!effectiveNetwork(current.chainType(), update.replicas().network())
                .equals(effectiveNetwork(current.chainType(), current.replicas().network()))) {
            throw SpawnerException.invalidField(SpawnerException.Reason.INVALID_REPLICAS, "replicas.network",
                    "cannot change from " + effectiveNetwork(current.chainType(), current.replicas().network())
                            + ": a replica's chain data belongs to its network; create another project");
        }
        requireFreeName(current.owner(), update.name(), id);
        Project changed = current.next(update.name(), update.replicas(), current.binarySha256(), Project.now());
        saveUniquelyNamed(update.name(), () -> projects.update(changed));
        changeLog.projectChanged(changed, Change.UPDATED, caller, settings(changed));
        if (!changed.replicas().equals(current.replicas())) {
            publisher.publishEvent(new ProjectChanged(id));
        }
        return changed;
    }

    @Transactional
    void delete(Caller caller, UUID id) {
        requireUser(caller);
        Project current = lockReadable(caller, id);
        Project deleted = current.next(current.name(), current.replicas(), current.binarySha256(), Project.now());
        projects.update(deleted);
        projects.markDeleted(id, deleted.updatedAt());
        changeLog.projectChanged(deleted, Change.DELETED, caller, Map.of());
        publisher.publishEvent(new ProjectDeleted(id));
    }

    /** Refuses a network the chain type does not allow, or any network for a chain type without one. */
    private void checkNetwork(String chainType, String network) {
        if (network == null) {
            return;
        }
        NetworkSetting setting = chainTypes.definition(chainType).map(chain -> chain.node().network()).orElse(null);
        if (setting == null) {
            throw SpawnerException.invalidField(SpawnerException.Reason.INVALID_REPLICAS, "replicas.network",
                    "is not a setting of chain type " + chainType + ": its node runs one network");
        }
        if (!setting.allows(network)) {
            throw SpawnerException.invalidField(SpawnerException.Reason.INVALID_REPLICAS, "replicas.network",
                    "'" + network + "' is not a network of " + chainType + "; allowed: "
                            + String.join(", ", setting.allowed()));
        }
    }

    /** The network replicas of the chain type run on with this setting: the given one or the chain's default. */
    private String effectiveNetwork(String chainType, String network) {
        if (network != null) {
            return network;
        }
        return chainTypes.definition(chainType).map(chain -> chain.node().network())
                .map(NetworkSetting::defaultValue).orElse("");
    }

    /** The caller's project, or not found. */
    @Transactional(readOnly = true)
    public Project get(Caller caller, UUID id) {
        if (!reaches(caller, id)) {
            throw notFound(id);
        }
        return projects.find(id, caller.owner()).orElseThrow(() -> notFound(id));
    }

    /** A live project whoever owns it, for the spawner's own work (rollouts); never for a request. */
    @Transactional(readOnly = true)
    public Optional<Project> find(UUID id) {
        return projects.findLive(id);
    }

    @Transactional(readOnly = true)
    List<Project> list(Caller caller) {
        if (caller instanceof Caller.CiToken token) {
            return List.of(get(caller, UUID.fromString(token.projectId())));
        }
        return projects.list(caller.owner());
    }

    /** Locks the caller's project for a change within the current transaction. */
    public Project lockReadable(Caller caller, UUID id) {
        if (!reaches(caller, id)) {
            throw notFound(id);
        }
        return projects.findForUpdate(id, caller.owner()).orElseThrow(() -> notFound(id));
    }

    /** Points the project at a new binary, within the current transaction, and records the change. */
    public Project attachBinary(Caller caller, Project current, String sha256, Map<String, String> changes) {
        Project changed = current.next(current.name(), current.replicas(), sha256, Project.now());
        projects.update(changed);
        changeLog.projectChanged(changed, Change.BINARY_CHANGED, caller, changes);
        if (!sha256.equals(current.binarySha256())) {
            publisher.publishEvent(new ProjectChanged(current.id()));
        }
        return changed;
    }

    /** The chain type of a project. */
    public ChainTypeInfo chainTypeOf(Project project) {
        return chainType(project.chainType());
    }

    /** A user, not a CI token: only people create, change and delete projects and tokens. */
    public static Caller.User requireUser(Caller caller) {
        if (caller instanceof Caller.User user) {
            return user;
        }
        throw new SpawnerException(Reason.FORBIDDEN_FOR_CI_TOKEN,
                "a CI token may only read its project, upload its binary and deploy it");
    }

    private static boolean reaches(Caller caller, UUID id) {
        return !(caller instanceof Caller.CiToken token) || token.projectId().equals(id.toString());
    }

    private ChainTypeInfo chainType(String id) {
        return chainTypes.find(id).orElseThrow(() -> SpawnerException.invalidField(Reason.UNKNOWN_CHAIN_TYPE,
                "chainType", "is not a known chain type; valid chain types: " + String.join(", ", chainTypes.ids())));
    }

    private void requireFreeName(String owner, String name, UUID id) {
        if (projects.nameTaken(owner, name, id)) {
            throw duplicateName(name);
        }
    }

    /** Runs the write; a concurrent project of the same name that won the race makes it a conflict too. */
    private static void saveUniquelyNamed(String name, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw duplicateName(name);
        }
    }

    private static SpawnerException duplicateName(String name) {
        return SpawnerException.invalidField(Reason.DUPLICATE_PROJECT_NAME, "name",
                "is already the name of another of your projects: " + name);
    }

    private static SpawnerException notFound(UUID id) {
        return new SpawnerException(Reason.PROJECT_NOT_FOUND, "there is no project " + id);
    }

    private static Map<String, String> settings(Project project) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("name", project.name());
        changes.put("chainType", project.chainType());
        changes.put("replicas.total", String.valueOf(project.replicas().total()));
        project.replicas().locations().forEach(location -> changes.put("replicas.locations." + location.name(),
                String.valueOf(location.count())));
        changes.put("replicas.extraArgs", String.join(" ", project.replicas().extraArgs()));
        if (project.replicas().network() != null) {
            changes.put("replicas.network", project.replicas().network());
        }
        return changes;
    }
}
