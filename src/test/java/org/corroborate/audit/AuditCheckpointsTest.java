package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.corroborate.SeparateWorkbenchTest;
import org.corroborate.base.CurrentActor;
import org.corroborate.base.Role;
import org.corroborate.source.SourceService;
import org.corroborate.testing.HttpApi;
import org.corroborate.testing.TestProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17: signed checkpoints of the chain's head let an auditor prove later that history was not
 * rewritten. The scheduled verification signs the verified head with an Ed25519 key from the
 * configuration and records its metrics; the auditor checks every signature with the public key
 * alone (plain {@code java.security} here, openssl in docs/operations.md) and compares the signed
 * hashes with the exported events; a history rewritten with every hash recomputed, which the chain
 * alone cannot show, fails both. Runs on the separate workbench (it rewrites an event, and undoes it).
 */
@SeparateWorkbenchTest
class AuditCheckpointsTest {

    @Autowired AuditVerifier verifier;
    @Autowired AuditService audit;
    @Autowired GuardCheck guard;
    @Autowired SourceService sources;
    @Autowired CurrentActor actor;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    AuditCheckpoints checkpoints;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ScheduledVerification scheduled;

    @BeforeEach
    void signWithAFreshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        String pkcs8 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        checkpoints = new AuditCheckpoints(jdbc, Clock.systemUTC(), "", pkcs8);
        scheduled = new ScheduledVerification(verifier, checkpoints, guard, meters, Duration.ZERO);
        for (int i = 0; i < 2; i++) {
            actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Checkpoint",
                    "Checkpoint target " + UUID.randomUUID(), null, null, null, null));
        }
    }

    @AfterEach
    void forgetTheCheckpoints() {
        jdbc.update("delete from audit_checkpoint");
    }

    @Test
    void nothingIsSignedWhileTheAppendOnlyGuardIsMissing() {
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            ScheduledVerification.Outcome outcome = scheduled.run();
            assertThat(outcome.verification().valid()).as("the chain itself is intact").isTrue();
            assertThat(outcome.unguarded()).isNotEmpty();
            assertThat(outcome.signed()).as("a signature would vouch for an unprotected history").isNull();
            assertThat(jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class)).isZero();
        } finally {
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                    + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
            guard.recheck();
        }
        assertThat(scheduled.run().signed()).as("signed again once the guard is back").isNotNull();
    }

    @Test
    void theScheduledVerificationSignsTheHeadAndRecordsItsMetrics() {
        long head = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        ScheduledVerification.Outcome outcome = scheduled.run();
        assertThat(outcome.verification().valid()).isTrue();
        assertThat(outcome.signed()).isNotNull();
        assertThat(outcome.signed().seq()).isEqualTo(head);
        assertThat(outcome.signed().hash()).isEqualTo(hashOf(head));
        assertThat(meters.get("workbench.audit.chain.head").gauge().value()).isEqualTo(head);
        assertThat(meters.get("workbench.audit.verify.duration").timer().count()).isEqualTo(1);
        assertThat(scheduled.run().signed()).as("the same head is signed once").isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_checkpoint", Integer.class)).isEqualTo(1);
        assertThat(checkpoints.check().problems()).isEmpty();
    }

    @Test
    void anAuditorVerifiesCheckpointsWithThePublicKeyAloneAndDetectsARewrittenHistory() throws Exception {
        long signedSeq = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        assertThat(scheduled.run().signed()).isNotNull();
        actor.runAs("alice", Role.REVIEWER, () -> sources.importText(TestProjects.MAIN, "Later",
                "After the checkpoint " + UUID.randomUUID(), null, null, null, null));
        String publicKey = checkpoints.publicKeyPem().orElseThrow();

        // What an auditor holds: the public key, the checkpoints as the API lists them, an export of the trail.
        HttpApi api = new HttpApi(port);
        JsonNode listed = api.send("sam", "GET", "/api/audit/checkpoints", null).expectOk("checkpoints").json();
        JsonNode checkpoint = listed.get("checkpoints").get(0);
        assertThat(checkpoint.get("seq").asLong()).isEqualTo(signedSeq);
        assertThat(Auditor.signatureHolds(publicKey, checkpoint)).isTrue();
        assertThat(Auditor.exportedHash(port, signedSeq)).isEqualTo(checkpoint.get("hash").asString());
        assertThat(api.send("alice", "GET", "/api/audit/checkpoints", null).status()).as("reviewers may not")
                .isEqualTo(403);

        // Someone who can edit the database rewrites the signed event and recomputes its hash, every later
        // hash, and the witness cannot be told; the chain alone is whole again (the witness aside).
        Map<String, Object> original = jdbc.queryForMap("select actor, hash from audit_event where seq = ?", signedSeq);
        jdbc.execute("drop trigger audit_event_append_only");
        try {
            rewrite(signedSeq, "mallory");
            assertThat(checkpoints.check().problems()).singleElement().asString()
                    .contains("Event " + signedSeq + " is not the event").contains("rewritten");
            AuditVerification verification = actor.runAs("sam", Role.SUPERVISOR, audit::verify);
            assertThat(verification.valid()).isFalse();
            assertThat(verification.problem()).contains("history up to it was rewritten");
            assertThat(Auditor.exportedHash(port, signedSeq)).as("the auditor's comparison fails")
                    .isNotEqualTo(checkpoint.get("hash").asString());

            // Forging a checkpoint for the new history needs the private key: an altered one does not verify.
            String newHash = hashOf(signedSeq);
            jdbc.update("update audit_checkpoint set hash = ? where seq = ?", newHash, signedSeq);
            assertThat(checkpoints.check().problems()).singleElement().asString().contains("does not verify");
            JsonNode altered = api.send("sam", "GET", "/api/audit/checkpoints", null).json().get("checkpoints").get(0);
            assertThat(Auditor.signatureHolds(publicKey, altered)).isFalse();
        } finally {
            rewrite(signedSeq, (String) original.get("actor"));
            jdbc.execute("create trigger audit_event_append_only before update, delete on audit_event "
                    + "for each row call \"org.corroborate.audit.AppendOnlyTrigger\"");
        }
        assertThat(hashOf(signedSeq)).isEqualTo(original.get("hash"));
    }

    /** Changes the actor of event {@code seq} and recomputes its hash and every later one, as a forger would. */
    private void rewrite(long seq, String newActor) {
        jdbc.update("update audit_event set actor = ? where seq = ?", newActor, seq);
        long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        String previous = jdbc.queryForObject("select prev_hash from audit_event where seq = ?", String.class, seq);
        for (long at = seq; at <= last; at++) {
            Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = ?", at);
            String hash = AuditChain.hash(previous, new AuditChain.Fields(at, instant(row.get("occurred_at")),
                    (String) row.get("actor"), (String) row.get("action"), (String) row.get("entity_type"),
                    (String) row.get("entity_id"), row.get("source_id") == null ? null
                    : ((Number) row.get("source_id")).longValue(), (String) row.get("before_state"),
                    (String) row.get("after_state"), (String) row.get("reason"), (String) row.get("origin"),
                    row.get("project_id") == null ? null : ((Number) row.get("project_id")).longValue()));
            jdbc.update("update audit_event set prev_hash = ?, hash = ? where seq = ?", previous, hash, at);
            previous = hash;
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((Timestamp) value).toInstant();
    }

    private String hashOf(long seq) {
        return jdbc.queryForObject("select hash from audit_event where seq = ?", String.class, seq);
    }

    /** An auditor's checks, written with nothing of the workbench: the JDK, the public key, the API's JSON. */
    static final class Auditor {

        /** Rebuilds the signed text from the checkpoint's fields (as docs/operations.md spells it) and checks it. */
        static boolean signatureHolds(String publicKeyPem, JsonNode checkpoint) throws Exception {
            String base64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            String keyId = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getEncoded())).substring(0, 16);
            if (!keyId.equals(checkpoint.get("keyId").asString())) {
                return false;
            }
            String text = "corroborate audit checkpoint v1\nseq: " + checkpoint.get("seq").asLong() + "\nhash: "
                    + checkpoint.get("hash").asString() + "\nsigned-at: " + checkpoint.get("signedAt").asString()
                    + "\nkey-id: " + keyId + "\n";
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(checkpoint.get("signature").asString()));
        }

        /** The hash of event {@code seq} in the trail's JSON Lines export. */
        static String exportedHash(int port, long seq) throws Exception {
            String lines = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/api/audit/export?format=jsonl")).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("sam:demo".getBytes(StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return lines.lines().map(line -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(line))
                    .filter(event -> event.get("seq").asLong() == seq).findFirst().orElseThrow()
                    .get("hash").asString();
        }
    }
}
