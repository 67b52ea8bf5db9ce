package org.corroborate.base.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives a page's uploads without holding them in memory: each file is streamed to a temporary
 * file and refused while it arrives, as soon as it passes its limit (or, with a shared allowance,
 * once the files of one import together pass theirs); nothing beyond the limit is read. The page
 * gets the complete file and the temporary file is deleted when it returns, or on any failure.
 * Both callbacks run on the upload's request thread, outside the UI lock: use {@code ui.access}.
 */
public final class SpooledUpload implements UploadHandler {

    private static final int BUFFER = 64 * 1024;

    /** What a page does with a complete file; it is deleted when this returns. */
    @FunctionalInterface
    public interface Receiver extends Serializable {
        void receive(String fileName, Path file) throws IOException;
    }

    /** What a page shows when a file is refused, with the message saying why. */
    @FunctionalInterface
    public interface Refusal extends Serializable {
        void refused(String fileName, String message);
    }

    /** The message for a file that passed a limit, given the file's name. */
    @FunctionalInterface
    public interface TooLarge extends Serializable {
        String message(String fileName);
    }

    /**
     * Bytes that several uploads share (the files of one import): each file's bytes are taken from
     * it while they arrive, and a file is refused once it is used up. A refused file gives its bytes back.
     */
    public static final class Allowance implements Serializable {

        private final AtomicLong left;
        private final TooLarge tooLarge;

        public Allowance(long bytes, TooLarge tooLarge) {
            this.left = new AtomicLong(bytes);
            this.tooLarge = tooLarge;
        }

        boolean take(long bytes) {
            if (left.addAndGet(-bytes) >= 0) {
                return true;
            }
            left.addAndGet(bytes);
            return false;
        }

        void giveBack(long bytes) {
            left.addAndGet(bytes);
        }
    }

    private final long maxFileBytes;
    private final TooLarge fileTooLarge;
    private final Allowance allowance;
    private final Receiver receiver;
    private final Refusal refusal;

    /**
     * @param maxFileBytes the most one file may hold
     * @param fileTooLarge the message for a file beyond it
     * @param allowance bytes shared with other uploads of the same import, or null for none
     * @param receiver what to do with a complete file
     * @param refusal what to show for a refused file
     */
    public SpooledUpload(long maxFileBytes, TooLarge fileTooLarge, Allowance allowance, Receiver receiver,
                         Refusal refusal) {
        this.maxFileBytes = maxFileBytes;
        this.fileTooLarge = fileTooLarge;
        this.allowance = allowance;
        this.receiver = receiver;
        this.refusal = refusal;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        // A declared size over the limit is refused before any of the body is read.
        if (event.getFileSize() > maxFileBytes) {
            refuse(event, fileTooLarge.message(name));
            return;
        }
        Path file = Files.createTempFile("corroborate-upload-", ".part");
        Spooled spooled = new Spooled(name);
        try {
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                spooled.copy(in, out);
            }
            if (spooled.refusal != null) {
                refuse(event, spooled.refusal);
                return;
            }
            receiver.receive(name, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Multipart uploads are measured by the container before the handler runs: the same limit there. */
    @Override
    public long getFileSizeMax() {
        return maxFileBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxFileBytes + BUFFER;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    private void refuse(UploadEvent event, String message) {
        event.reject(message);
        refusal.refused(event.getFileName(), message);
    }

    /** One file's copy: what it took from the allowance, and why it stopped early, if it did. */
    private final class Spooled {

        private final String name;
        private long taken;
        private String refusal;

        Spooled(String name) {
            this.name = name;
        }

        void copy(InputStream in, OutputStream out) throws IOException {
            boolean complete = false;
            try {
                complete = copyUnderLimits(in, out);
            } finally {
                if (!complete && allowance != null) {
                    allowance.giveBack(taken); // nothing of a refused or broken file is kept
                }
            }
        }

        private boolean copyUnderLimits(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > maxFileBytes) {
                    refusal = fileTooLarge.message(name);
                    return false;
                }
                if (allowance != null) {
                    if (!allowance.take(read)) {
                        refusal = allowance.tooLarge.message(name);
                        return false;
                    }
                    taken += read;
                }
                out.write(buffer, 0, read);
            }
            return true;
        }
    }
}
