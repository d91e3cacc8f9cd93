package be.carenetwork.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for what has no pseudonym of its own in the main graph (needs, capacities, matches, private
 * actors): a keyed hash of the id, so the same id always gives the same pseudonym, and nobody without the key can
 * go back from a pseudonym to the id. Residents keep the pseudonym the directory gave them.
 */
final class Pseudonyms {

    // Letters that cannot be confused with one another, as the directory's resident pseudonyms use.
    private static final String LETTERS = "BCDFGHJKLMNPQRSTVWXZ23456789";
    private static final int LENGTH = 10;

    private final byte[] key;
    // A Mac is not thread-safe and costly to make; one per thread, made once.
    private final ThreadLocal<Mac> macs;

    private Pseudonyms(byte[] key) {
        this.key = key.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    static Pseudonyms withKey(String secret) {
        return new Pseudonyms(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The configured key, or the one kept in {@code keyFile}, made on first use. */
    static Pseudonyms from(String configured, Path keyFile) {
        if (!configured.isBlank()) {
            return withKey(configured);
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(random));
            }
            return withKey(Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the pseudonym key " + keyFile, e);
        }
    }

    /** {@code prefix-XXXXXXXXXX}, the same for the same id. */
    String of(String prefix, String id) {
        byte[] hash = hmac(prefix + ":" + id);
        StringBuilder pseudonym = new StringBuilder(prefix).append('-');
        for (int i = 0; i < LENGTH; i++) {
            pseudonym.append(LETTERS.charAt((hash[i] & 0xff) % LETTERS.length()));
        }
        return pseudonym.toString();
    }

    private byte[] hmac(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
