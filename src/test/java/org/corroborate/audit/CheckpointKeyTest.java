package org.corroborate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint key: read as openssl writes it, its public half derived, its id, its signatures. */
class CheckpointKeyTest {

    @Test
    void aPemFileAsOpensslWritesItSignsAndItsPublicHalfIsDerived(@TempDir Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path file = dir.resolve("checkpoint-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        CheckpointKey key = CheckpointKey.fromFile(file);

        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.id()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(pair.getPublic().getEncoded())).substring(0, 16));
        assertThat(CheckpointKey.publicKeyFromPem(key.publicKeyPem()).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        String text = AuditCheckpoint.signedText(41, "9a0f", Instant.parse("2026-12-01T03:00:00Z"), key.id());
        assertThat(text).isEqualTo("corroborate audit checkpoint v1\nseq: 41\nhash: 9a0f\n"
                + "signed-at: 2026-12-01T03:00:00Z\nkey-id: " + key.id() + "\n");
        String signature = key.sign(text);
        assertThat(CheckpointKey.verifies(pair.getPublic(), text, signature)).isTrue();
        assertThat(CheckpointKey.verifies(pair.getPublic(), text.replace("41", "42"), signature)).isFalse();
        assertThat(CheckpointKey.verifies(pair.getPublic(), text, "not base64!")).isFalse();
    }

    @Test
    void somethingElseIsRefusedWithTheCommandThatMakesAKey() throws Exception {
        String rsa = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair()
                .getPrivate().getEncoded());
        for (String wrong : new String[] {rsa, "not a key"}) {
            assertThatThrownBy(() -> CheckpointKey.fromText(wrong))
                    .hasMessageContaining("not an Ed25519 private key")
                    .hasMessageContaining("openssl genpkey -algorithm ed25519");
        }
    }
}
