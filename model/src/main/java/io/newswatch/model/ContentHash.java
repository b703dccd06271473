package io.newswatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 ids and content hashes, so every module computes them the same way. */
public final class ContentHash {
    private ContentHash() {
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** A short stable id (first 16 hex chars of SHA-256): collisions are negligible at news volumes. */
    public static String shortId(String text) {
        return sha256(text).substring(0, 16);
    }
}
