package dev.royalties.jobs.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names made from data (artist ids): only letters, digits, '.', '_' and '-' are kept; an id
 * that needed changing gets a short hash of the original, so two ids never share a file.
 */
final class FileNames {
    private FileNames() {}

    static String safe(String id) {
        String kept = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (kept.equals(id) && !id.startsWith(".") && !id.isEmpty()) {
            return id;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return kept + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
