package org.corroborate.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A witness of the audit chain kept outside the database: after each commit that appended events,
 * the number and hash of the newest committed event are written to a small file (atomically: a
 * temporary file, then a rename), optionally signed with an HMAC key from the configuration.
 * Someone who can rewrite the database cannot also move this file back unnoticed, so verification
 * detects events removed from the end of the chain. Writes are coalesced by one background thread:
 * the file may lag behind the chain, which is harmless, but it is only ever written after the
 * commit, so it is never ahead of what the database holds. It never moves back, and never forward
 * over a chain that no longer holds the event it saw, so the evidence of a truncation is kept.
 */
@Component
class ChainWitness {

    private static final Logger log = LoggerFactory.getLogger(ChainWitness.class);

    /** What the file says: the newest event this node saw committed, and when it wrote that down. */
    record Witnessed(long seq, String hash, Instant writtenAt) {}

    private record Link(long seq, String hash) {}

    private final Path file;
    private final byte[] key;
    private final AtomicReference<Link> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "audit-witness");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long written;
    private final JdbcTemplate jdbc;

    ChainWitness(@Value("${workbench.audit.witness-file:${workbench.data-dir:./data}/audit-witness.properties}")
                 String file,
                 @Value("${workbench.audit.witness-key:}") String key, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.file = file.isBlank() ? null : Path.of(file).toAbsolutePath();
        this.key = key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /** Where the witness is kept; null when it is switched off (an empty {@code workbench.audit.witness-file}). */
    Path file() {
        return file;
    }

    /** Notes that an event was committed; the file is brought up to date soon after, off the writer's thread. */
    void committed(long seq, String hash) {
        if (file == null) {
            return;
        }
        pending.accumulateAndGet(new Link(seq, hash), (a, b) -> a == null || b.seq() > a.seq() ? b : a);
        if (scheduled.compareAndSet(false, true)) {
            writer.execute(() -> {
                scheduled.set(false);
                flush();
            });
        }
    }

    /** Writes what is pending now (the background thread does this; tests and shutdown call it too). */
    synchronized void flush() {
        Link link = pending.get();
        if (link == null || link.seq() <= written) {
            return;
        }
        try {
            Optional<Witnessed> before = read();
            if (before.isPresent() && before.get().seq() >= link.seq()) {
                written = link.seq();
                return;
            }
            if (before.isPresent() && !stillInChain(before.get())) {
                // Keep the evidence: the chain no longer holds what the witness saw.
                log.error("The audit chain no longer holds event {} as witnessed in {}; the witness is not advanced. "
                        + "Run the verification.", before.get().seq(), file);
                return;
            }
            write(link);
            written = link.seq();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the audit chain witness {}: {}", file, e.getMessage());
        }
    }

    private boolean stillInChain(Witnessed witnessed) {
        return jdbc.queryForList("select hash from audit_event where seq = ?", String.class, witnessed.seq())
                .contains(witnessed.hash());
    }

    @PreDestroy
    void close() {
        writer.shutdown();
        flush();
    }

    private void write(Link link) throws IOException {
        Files.createDirectories(file.getParent());
        Instant now = Instant.now();
        StringBuilder text = new StringBuilder()
                .append("# The newest audit event this node saw committed; 'verify' compares the chain with it.\n")
                .append("seq=").append(link.seq()).append('\n')
                .append("hash=").append(link.hash()).append('\n')
                .append("writtenAt=").append(now).append('\n');
        if (key != null) {
            text.append("hmac=").append(mac(link.seq(), link.hash())).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * What the witness file says, if there is one; a file that cannot be read, or whose signature
     * does not match the configured key, is refused with a message that says so.
     */
    Optional<Witnessed> read() {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("The audit chain witness " + file + " cannot be read: " + e.getMessage());
        }
        long seq;
        String hash = values.getProperty("hash", "");
        try {
            seq = Long.parseLong(values.getProperty("seq", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The audit chain witness " + file + " is malformed (no 'seq').");
        }
        if (key != null) {
            String given = values.getProperty("hmac", "");
            if (!MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.US_ASCII),
                    mac(seq, hash.strip()).getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("The audit chain witness " + file + " is not signed with this "
                        + "workbench's key (workbench.audit.witness-key): it was altered or written by someone else.");
            }
        }
        Instant writtenAt = null;
        try {
            writtenAt = Instant.parse(values.getProperty("writtenAt", "").strip());
        } catch (DateTimeParseException ignored) {
            // The time is for people; the number and hash are what is checked.
        }
        return Optional.of(new Witnessed(seq, hash.strip(), writtenAt));
    }

    private String mac(long seq, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((seq + "\n" + hash).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
