package io.chainmonitor.spawner.binary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.project.Caller;
import io.chainmonitor.spawner.project.ChainTypeInfo;
import io.chainmonitor.spawner.project.Project;
import io.chainmonitor.spawner.project.ProjectService;

/**
 * Takes a project's new node binary: streams it to a temporary file while hashing it, refuses it when too large,
 * incomplete, not the announced hash, not an allowed release or not a runnable node, then stores it by hash and
 * attaches it to the project. Nothing is kept of a refused upload.
 */
@Service
class BinaryUploads {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ProjectService projects;
    private final BinaryStore store;
    private final BinaryRepository binaries;
    private final TransactionTemplate transactions;
    private final SpawnerProperties.Binary settings;

    BinaryUploads(ProjectService projects, BinaryStore store, BinaryRepository binaries,
            TransactionTemplate transactions, SpawnerProperties properties) {
        this.projects = projects;
        this.store = store;
        this.binaries = binaries;
        this.transactions = transactions;
        this.settings = properties.binary();
    }

    BinaryRecord upload(Caller caller, UUID projectId, String expectedSha256, long contentLength, InputStream body) {
        Project project = projects.get(caller, projectId);
        String expected = requireHash(expectedSha256);
        long limit = settings.maxSize().toBytes();
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        ChainTypeInfo chain = projects.chainTypeOf(project);
        Path temp = null;
        try {
            temp = store.newTempFile();
            HashingCopy.Result copied = receive(body, temp, limit, contentLength);
            BinaryRecord binary = verify(copied, expected, temp, chain, caller);
            store.store(temp, binary.sha256(), binary.kind() == BinaryKind.ELF || binary.kind() == BinaryKind.SCRIPT);
            return transactions.execute(status -> attach(caller, projectId, binary));
        } catch (IOException e) {
            throw new SpawnerException(Reason.UPLOAD_INCOMPLETE, "the upload could not be stored: " + e.getMessage());
        } finally {
            if (temp != null) {
                store.discard(temp);
            }
        }
    }

    private HashingCopy.Result receive(InputStream body, Path temp, long limit, long contentLength) {
        HashingCopy.Result copied;
        try (OutputStream out = Files.newOutputStream(temp)) {
            copied = HashingCopy.copy(body, out, limit);
        } catch (HashingCopy.LimitExceededException e) {
            throw tooLarge(limit);
        } catch (IOException e) {
            throw incomplete("the connection ended before the upload was complete (" + e.getMessage() + ")");
        }
        if (contentLength >= 0 && copied.size() != contentLength) {
            throw incomplete("received " + copied.size() + " of the " + contentLength + " bytes announced");
        }
        return copied;
    }

    private BinaryRecord verify(HashingCopy.Result copied, String expected, Path temp, ChainTypeInfo chain,
            Caller caller) throws IOException {
        if (!copied.sha256().equals(expected)) {
            throw new SpawnerException(Reason.BINARY_HASH_MISMATCH, "the upload's SHA-256 is " + copied.sha256()
                    + ", not the " + expected + " announced", Map.of("expected", expected, "actual", copied.sha256()));
        }
        List<String> allowed = settings.allowedHashes().get(chain.id());
        if (allowed != null && allowed.stream().noneMatch(copied.sha256()::equalsIgnoreCase)) {
            throw new SpawnerException(Reason.BINARY_NOT_ALLOWED, "the binary " + copied.sha256()
                    + " is not one of the releases allowed for " + chain.id());
        }
        Inspection inspection = BinaryInspector.inspect(temp, chain.executable());
        if (!inspection.supported()) {
            throw new SpawnerException(Reason.UNSUPPORTED_BINARY, inspection.detail());
        }
        return new BinaryRecord(copied.sha256(), copied.size(), inspection.kind(), inspection.entryPoint(),
                caller.actor(), Project.now());
    }

    private BinaryRecord attach(Caller caller, UUID projectId, BinaryRecord binary) {
        Project current = projects.lockReadable(caller, projectId);
        binaries.insertIfAbsent(binary);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("binary.sha256", binary.sha256());
        changes.put("binary.size", String.valueOf(binary.size()));
        changes.put("binary.kind", binary.kind().name());
        if (binary.entryPoint() != null) {
            changes.put("binary.entryPoint", binary.entryPoint());
        }
        Project changed = projects.attachBinary(caller, current, binary.sha256(), changes);
        binaries.addToHistory(projectId, changed.revision(), binary);
        return binary;
    }

    BinaryRecord current(Caller caller, UUID projectId) {
        Project project = projects.get(caller, projectId);
        if (project.binarySha256() == null) {
            throw new SpawnerException(Reason.BINARY_NOT_FOUND, "project " + projectId + " has no binary yet");
        }
        return binaries.current(projectId, project.binarySha256())
                .orElseThrow(() -> new SpawnerException(Reason.BINARY_NOT_FOUND, "project " + projectId
                        + " has no binary yet"));
    }

    private static String requireHash(String value) {
        if (value == null || !SHA256.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            throw new SpawnerException(Reason.MISSING_EXPECTED_HASH,
                    "the X-Expected-SHA256 header must carry the binary's SHA-256 as 64 hex digits");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static SpawnerException tooLarge(long limit) {
        return new SpawnerException(Reason.BINARY_TOO_LARGE, "the binary is larger than the limit of " + limit
                + " bytes", Map.of("maxSize", limit));
    }

    private static SpawnerException incomplete(String detail) {
        return new SpawnerException(Reason.UPLOAD_INCOMPLETE, detail);
    }
}
