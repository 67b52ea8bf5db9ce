package org.corroborate.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.corroborate.base.Sha256;

/**
 * The Ed25519 key pair that signs checkpoints, from a PKCS#8 private key (what
 * {@code openssl genpkey -algorithm ed25519} writes). The public key is derived from it, so the
 * configuration holds one secret; its id is the first 16 hex digits of the SHA-256 of the public key's
 * X.509 (DER) encoding, which an auditor computes with
 * {@code openssl pkey -pubin -in public.pem -outform DER | sha256sum | cut -c1-16}.
 */
final class CheckpointKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.id = Sha256.hex(publicKey.getEncoded()).substring(0, 16);
    }

    /** The key in a PEM file. */
    static CheckpointKey fromFile(Path pem) {
        try {
            return fromText(Files.readString(pem, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("The checkpoint key file " + pem + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The key as PEM text ("-----BEGIN PRIVATE KEY-----") or as base64 of its PKCS#8 DER encoding. */
    static CheckpointKey fromText(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new CheckpointKey(key, publicKeyOf(key));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The checkpoint key is not an Ed25519 private key in PKCS#8 (PEM or "
                    + "base64): " + e.getMessage() + ". Create one with: openssl genpkey -algorithm ed25519 -out "
                    + "checkpoint-key.pem", e);
        }
    }

    /** A public key from its PEM text ("-----BEGIN PUBLIC KEY-----"), as an auditor holds it. */
    static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * Ed25519 derives the public key from the 32 private bytes; the JDK offers no call for it, but its key
     * pair generator takes those bytes from the random source it is given, so it is given exactly them.
     */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        byte[] secret = ((EdECPrivateKey) key).getBytes().orElseThrow(() ->
                new GeneralSecurityException("the private key's bytes are not available"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(secret, 0, bytes, 0, Math.min(secret.length, bytes.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        return pair.getPublic();
    }

    String id() {
        return id;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM, for auditors. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** The Ed25519 signature of the text's UTF-8 bytes, in base64. */
    String sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether the base64 signature is this key's signature of the text. */
    boolean verifies(String text, String signatureBase64) {
        return verifies(publicKey, text, signatureBase64);
    }

    /** Whether the base64 signature is {@code publicKey}'s signature of the text (false for malformed input). */
    static boolean verifies(PublicKey publicKey, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
