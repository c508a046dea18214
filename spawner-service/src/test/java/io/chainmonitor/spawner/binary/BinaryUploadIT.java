package io.chainmonitor.spawner.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BinaryUploadIT extends SpawnerIT {

    private final String alice = user("alice-" + UUID.randomUUID());

    @Test
    void anElfExecutableIsStoredByItsHashReadOnlyAttachedAndAnnounced() throws IOException {
        String id = createProject(alice, "elf", "litecoin");
        byte[] elf = NodeFiles.elf(NodeFiles.ET_EXEC, NodeFiles.EM_AARCH64);
        String sha256 = NodeFiles.sha256(elf);

        HttpResponse<String> response = uploadBinary(id, alice, elf, sha256);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode binary = json(response);
        assertThat(binary.get("sha256").asString()).isEqualTo(sha256);
        assertThat(binary.get("size").asLong()).isEqualTo(elf.length);
        assertThat(binary.get("kind").asString()).isEqualTo("ELF");
        Path stored = STORE.resolve("sha256").resolve(sha256);
        assertThat(stored).hasBinaryContent(elf);
        assertThat(NodeFiles.sha256(Files.readAllBytes(stored))).isEqualTo(sha256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("r-xr-xr-x");
        assertThat(storeFiles()).noneMatch(file -> file.startsWith("tmp"));
        assertThat(jdbc.sql("select size_bytes, kind from node_binary where sha256 = ?").param(sha256)
                .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2)).single()).isEqualTo(elf.length + " ELF");
        JsonNode project = json(get("/api/v1/projects/" + id, alice));
        assertThat(project.get("binarySha256").asString()).isEqualTo(sha256);
        assertThat(project.get("revision").asLong()).isEqualTo(2);
        assertThat(json(get("/api/v1/projects/" + id + "/binary", alice))).isEqualTo(binary);

        List<Envelope<?>> lifecycle = await().until(() -> TopicReader.eventsOf("cm.projects.v1", id),
                events -> events.size() == 2);
        ProjectLifecycle changed = (ProjectLifecycle) lifecycle.get(1).data();
        assertThat(changed.change()).isEqualTo(ProjectLifecycle.Change.BINARY_CHANGED);
        assertThat(changed.binarySha256()).isEqualTo(sha256);
        assertThat(changed.revision()).isEqualTo(2);
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", id),
                events -> events.size() == 2);
        AuditEntry entry = (AuditEntry) audit.get(1).data();
        assertThat(entry.action()).isEqualTo("project.binary_changed");
        assertThat(entry.changes()).containsEntry("binary.sha256", sha256).containsEntry("binary.kind", "ELF");
    }

    @Test
    void theSameContentUploadedTwiceIsStoredOnce() {
        byte[] script = ("#!/bin/sh\n# dedup " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        String sha256 = NodeFiles.sha256(script);
        String first = createProject(alice, "first", "litecoin");
        String second = createProject(alice, "second", "litecoin");

        assertThat(uploadBinary(first, alice, script, sha256).statusCode()).isEqualTo(200);
        assertThat(uploadBinary(second, alice, script, sha256).statusCode()).isEqualTo(200);

        assertThat(storeFiles()).filteredOn(file -> file.endsWith(sha256)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from node_binary where sha256 = ?").param(sha256).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from project_binary_history where binary_sha256 = ?").param(sha256)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTarGzWithTheNodeExecutableIsStoredWithItsEntryPoint() throws IOException {
        String id = createProject(alice, "archive", "litecoin");
        byte[] archive = NodeFiles.tarGz(Map.of("litecoin/bin/litecoind", NodeFiles.x86Executable(),
                "litecoin/share/" + UUID.randomUUID(), new byte[]{1}));
        String sha256 = NodeFiles.sha256(archive);

        HttpResponse<String> response = uploadBinary(id, alice, archive, sha256);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("kind").asString()).isEqualTo("TAR_GZIP");
        assertThat(json(response).get("entryPoint").asString()).isEqualTo("litecoin/bin/litecoind");
        Path stored = STORE.resolve("sha256").resolve(sha256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("r--r--r--");
    }

    @Test
    void anUploadLabelledAsAFormAsPlainCurlDoesIsStoredAsTheRawBytes() {
        String id = createProject(alice, "curl-default", "litecoin");
        // Bytes that no form decoder accepts: what `curl --data-binary @node` sends, with curl's default label.
        byte[] script = ("#!/bin/sh\n# %zz {\"a\": 1} & = " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        String sha256 = NodeFiles.sha256(script);

        HttpResponse<String> response = send(request("/api/v1/projects/" + id + "/binary", alice)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Expected-SHA256", sha256)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(script)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(STORE.resolve("sha256").resolve(sha256)).hasBinaryContent(script);
    }

    @Test
    void anUploadWithoutContentLengthIsStreamedAndStored() throws IOException {
        String id = createProject(alice, "chunked", "litecoin");
        byte[] script = ("#!/usr/bin/env bash\n# " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        String sha256 = NodeFiles.sha256(script);

        RawResponse response = rawUpload(id, alice, sha256, script, script.length, true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(STORE.resolve("sha256").resolve(sha256)).hasBinaryContent(script);
    }

    @Test
    void aWrongHashIsRefusedAndNothingIsKept() {
        String id = createProject(alice, "mismatch", "litecoin");
        Stored before = stored();
        byte[] elf = uniqueScript();
        String wrong = NodeFiles.sha256("something else".getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = uploadBinary(id, alice, elf, wrong);

        assertProblem(response, 422, "binary-hash-mismatch");
        assertThat(json(response).get("actual").asString()).isEqualTo(NodeFiles.sha256(elf));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMissingOrMalformedHashHeaderIsRefusedBeforeReading() {
        String id = createProject(alice, "no hash", "litecoin");
        Stored before = stored();
        assertProblem(uploadBinary(id, alice, uniqueScript(), null), 400, "missing-expected-hash");
        assertProblem(uploadBinary(id, alice, uniqueScript(), "abc"), 400, "missing-expected-hash");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOversizedUploadIs413WhetherAnnouncedOrOnlySeenWhileStreaming() throws IOException {
        String id = createProject(alice, "big", "litecoin");
        Stored before = stored();
        byte[] big = new byte[MAX_SIZE + 1];
        Arrays.fill(big, (byte) 7);

        assertProblem(uploadBinary(id, alice, big, NodeFiles.sha256(big)), 413, "binary-too-large");
        RawResponse chunked = rawUpload(id, alice, NodeFiles.sha256(big), big, big.length, true);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("binary-too-large");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTruncatedUploadIsRefusedAndNothingIsKept() throws IOException {
        String id = createProject(alice, "truncated", "litecoin");
        Stored before = stored();
        byte[] elf = NodeFiles.x86Executable();

        // Headers announce the whole file, half of it is sent, then the client stops sending.
        RawResponse response = rawUpload(id, alice, NodeFiles.sha256(elf), elf, elf.length / 2, false);

        // Tomcat marks the request failed once its body ends early, so the answer is its generic 400 problem.
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aClientThatDropsTheConnectionMidUploadLeavesNothingBehind() throws IOException {
        String id = createProject(alice, "dropped", "litecoin");
        Stored before = stored();
        byte[] elf = NodeFiles.x86Executable();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(id, alice, NodeFiles.sha256(elf), "Content-Length: " + elf.length));
            out.write(elf, 0, elf.length / 2);
            out.flush();
        }
        await().untilAsserted(() -> assertThat(stored()).isEqualTo(before));
        assertThat(json(get("/api/v1/projects/" + id, alice)).get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void anArchiveWithoutTheNodeExecutableIsUnsupportedAndNothingIsKept() {
        String id = createProject(alice, "no entry", "litecoin");
        Stored before = stored();
        byte[] archive = NodeFiles.zip(Map.of("bin/bitcoind", NodeFiles.x86Executable()));

        HttpResponse<String> response = uploadBinary(id, alice, archive, NodeFiles.sha256(archive));

        assertProblem(response, 422, "unsupported-binary");
        assertThat(json(response).get("detail").asString()).contains("no file named litecoind");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anArchiveWithAnEntryLeavingItsDirectoryIsRefusedAndNothingIsKept() {
        String id = createProject(alice, "escape", "litecoin");
        Stored before = stored();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("litecoin/bin/litecoind", NodeFiles.x86Executable());
        files.put("../../.ssh/authorized_keys", "ssh-ed25519 AAAA intruder".getBytes(StandardCharsets.US_ASCII));
        byte[] archive = NodeFiles.tarGz(files);

        HttpResponse<String> response = uploadBinary(id, alice, archive, NodeFiles.sha256(archive));

        assertProblem(response, 422, "unsupported-binary");
        assertThat(json(response).get("detail").asString())
                .contains("'../../.ssh/authorized_keys' would be unpacked outside its directory");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNoProgramAreUnsupportedWhateverTheyAreCalled() {
        String id = createProject(alice, "garbage", "litecoin");
        Stored before = stored();
        byte[] garbage = ("MZ not a linux program " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);

        assertProblem(uploadBinary(id, alice, garbage, NodeFiles.sha256(garbage)), 422, "unsupported-binary");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aChainWithAnAllowListTakesOnlyTheListedReleases() {
        String id = createProject(alice, "pinned", "anvil");
        Stored before = stored();
        byte[] other = NodeFiles.elf(NodeFiles.ET_EXEC, NodeFiles.EM_X86_64);

        assertProblem(uploadBinary(id, alice, other, NodeFiles.sha256(other)), 422, "binary-not-allowed");
        assertThat(stored()).isEqualTo(before);

        byte[] release = NodeFiles.x86Executable();
        HttpResponse<String> allowed = uploadBinary(id, alice, release, NodeFiles.sha256(release));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    }

    @Test
    void aProjectWithoutABinaryHasNoBinaryMetadata() {
        String id = createProject(alice, "empty", "litecoin");
        assertProblem(get("/api/v1/projects/" + id + "/binary", alice), 404, "not-found");
    }

    private static byte[] uniqueScript() {
        return ("#!/bin/sh\n# " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    record RawResponse(int status, String body) {
    }

    /**
     * Sends {@code sent} bytes of {@code content} over a raw socket, then half-closes it: with a Content-Length of the
     * whole content, or chunked without any length.
     */
    private RawResponse rawUpload(String id, String token, String sha256, byte[] content, int sent, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(id, token, sha256,
                    chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + content.length));
            if (chunked) {
                out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(content, 0, sent);
                out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(content, 0, sent);
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawResponse(status, text);
        }
    }

    private static byte[] headers(String id, String token, String sha256, String length) {
        return ("PUT /api/v1/projects/" + id + "/binary HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nX-Expected-SHA256: " + sha256 + "\r\nContent-Type: application/octet-stream\r\n" + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
