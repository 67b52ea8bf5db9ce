package org.corroborate.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.corroborate.base.WorkbenchException;

/**
 * The files of one uploaded corpus: the upload itself, or the entries of an uploaded zip. A zip
 * is unpacked in memory under limits (total size, number of files), and an entry whose name could
 * escape a folder ({@code ..}, an absolute path, a drive letter, a backslash) is refused, so a
 * hostile archive is turned away with a message rather than trusted. Text is read as strict UTF-8.
 */
public final class ImportFiles {

    private final Map<String, byte[]> files;
    private final boolean archive;

    private ImportFiles(Map<String, byte[]> files, boolean archive) {
        this.files = files;
        this.archive = archive;
    }

    /** Reads an upload: a zip (by its signature) is unpacked, anything else is one file of that name. */
    static ImportFiles of(String name, byte[] content, long maxUnpacked, int maxFiles) {
        String fileName = name == null || name.isBlank() ? "upload" : name.strip();
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return new ImportFiles(unzip(fileName, content, maxUnpacked, maxFiles), true);
        }
        if (fileName.toLowerCase().endsWith(".zip")) {
            throw WorkbenchException.badInput("'" + fileName + "' is not a zip archive (it does not start like one).");
        }
        Map<String, byte[]> single = new LinkedHashMap<>();
        single.put(fileName, content);
        return new ImportFiles(single, false);
    }

    private static Map<String, byte[]> unzip(String zipName, byte[] content, long maxUnpacked, int maxFiles) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long unpacked = 0;
        // Names without the UTF-8 flag are CP437 by the ZIP specification (the flag, when set, wins).
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), CP437)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entryName(entry.getName());
                checkName(zipName, name);
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= maxFiles) {
                    throw WorkbenchException.tooLarge("'" + zipName + "' holds more than " + maxFiles + " files.");
                }
                if (entries.containsKey(name)) {
                    throw WorkbenchException.badInput("'" + zipName + "' holds '" + name + "' twice.");
                }
                byte[] data = readCapped(zip, maxUnpacked - unpacked, zipName);
                unpacked += data.length;
                entries.put(name, data);
            }
        } catch (ZipException e) {
            throw WorkbenchException.badInput("'" + zipName + "' is not a readable zip archive (" + e.getMessage()
                    + "); is it complete?");
        } catch (EOFException e) {
            throw WorkbenchException.badInput("'" + zipName + "' ends too early: the zip archive is truncated.");
        } catch (IOException e) {
            throw WorkbenchException.badInput("'" + zipName + "' could not be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw WorkbenchException.badInput("'" + zipName + "' holds no files; is the archive complete?");
        }
        return entries;
    }

    private static final java.nio.charset.Charset CP437 = java.nio.charset.Charset.forName("IBM437");

    /**
     * An entry's name as its maker meant it. The stream decodes a name without the UTF-8 flag as
     * CP437, as the ZIP specification says; but many tools write UTF-8 names without the flag.
     * Such a name, read as CP437 and encoded back, is valid UTF-8 with a non-ASCII character, and
     * is then read as UTF-8. (A real CP437 name with é, 0x82, is not valid UTF-8, so stays as read;
     * a flagged UTF-8 name does not survive the round trip as valid UTF-8 either.)
     */
    static String entryName(String decoded) {
        if (decoded.chars().allMatch(c -> c < 0x80) || !CP437.newEncoder().canEncode(decoded)) {
            return decoded;
        }
        byte[] raw = decoded.getBytes(CP437);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return decoded;
        }
    }

    private static void checkName(String zipName, String name) {
        boolean escapes = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*") || List.of(name.split("/")).contains("..");
        if (escapes) {
            throw WorkbenchException.badInput("'" + zipName + "' holds an entry named '" + name.replace("\0", "\\0")
                    + "', which points outside the archive; the archive is refused.");
        }
    }

    private static byte[] readCapped(InputStream in, long allowed, String zipName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > allowed) {
                throw WorkbenchException.tooLarge("'" + zipName + "' unpacks to more than this workbench accepts; "
                        + "split the corpus or raise workbench.exchange.max-unpacked-size.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The files' names, in the order of the upload. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** The files whose names end with the suffix (ignoring case), in upload order. */
    public List<String> endingWith(String suffix) {
        return files.keySet().stream().filter(n -> n.toLowerCase().endsWith(suffix)).toList();
    }

    /**
     * The files a single-file format reads: a lone uploaded file whatever its name (the caller chose
     * the format), or the archive's files with one of the suffixes.
     */
    public List<String> documents(String... suffixes) {
        if (!archive) {
            return names();
        }
        return files.keySet().stream().filter(n -> Arrays.stream(suffixes)
                .anyMatch(suffix -> n.toLowerCase().endsWith(suffix))).toList();
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }

    /**
     * A file as text: strict UTF-8 (a byte order mark is dropped); anything else is refused naming
     * the file and the line of the first bad byte.
     */
    public String text(String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw WorkbenchException.badInput("The upload has no file '" + name + "'.");
        }
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw WorkbenchException.badInput(name + ", line " + firstBadLine(bytes, skip) + ": not UTF-8 text. "
                    + "Save the file as UTF-8 and import it again.");
        }
    }

    private static int firstBadLine(byte[] bytes, int from) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int lineStart = from;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line;
    }

    /** A refusal naming the file and line. */
    static WorkbenchException malformed(String file, int line, String message) {
        return WorkbenchException.badInput(file + (line > 0 ? ", line " + line : "") + ": " + message);
    }
}
