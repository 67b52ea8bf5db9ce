package org.corroborate.source;

/**
 * A source's original file as uploaded, for download.
 *
 * @param fileName the name it was uploaded under (base name only), or {@code source-ID} when unknown
 * @param mediaType its media type, detected from its bytes
 * @param sha256 the SHA-256 of {@code content}, lower-case hex
 * @param content the bytes, exactly as uploaded
 */
public record SourceOriginalFile(String fileName, String mediaType, String sha256, byte[] content) {}
