package org.corroborate.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's uploads are read under their limits while they arrive: an endless upload is refused
 * soon after its limit with nothing handed on and no file left behind; a file within it arrives whole.
 */
class SpooledUploadTest {

    private static final long LIMIT = 1024 * 1024;
    private static final long UNKNOWN = -1;

    private final List<String> received = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private SpooledUpload handler(SpooledUpload.Allowance allowance) {
        return new SpooledUpload(LIMIT, name -> name + " is too large", allowance,
                (name, file) -> received.add(name + ":" + Files.size(file) + ":" + firstByte(file)),
                (name, message) -> refused.add(message));
    }

    @Test
    void anEndlessUploadIsRefusedWhileItArrivesSoonAfterTheLimit() throws Exception {
        List<Path> before = spooledFiles();
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        UploadEvent event = event("endless.jsonl", UNKNOWN, endless);

        handler(null).handleUploadRequest(event);

        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("endless.jsonl is too large");
        assertThat(event.isRejected()).isTrue();
        assertThat(endless.read).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 64 * 1024);
        assertThat(spooledFiles()).isEqualTo(before);
        System.out.printf("FIGURE ui-upload endless: limit %d B, read %d B before refusing%n", LIMIT, endless.read);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedWithoutReading() throws Exception {
        CountingStream body = new CountingStream(300L * 1024 * 1024);
        UploadEvent event = event("huge.zip", 300L * 1024 * 1024, body);

        handler(null).handleUploadRequest(event);

        assertThat(body.read).isZero();
        assertThat(refused).containsExactly("huge.zip is too large");
        assertThat(received).isEmpty();
    }

    @Test
    void aFileWithinTheLimitArrivesWholeAndIsDeletedAfterwards() throws Exception {
        List<Path> before = spooledFiles();
        handler(null).handleUploadRequest(event("fits.txt", UNKNOWN, new CountingStream(LIMIT)));
        assertThat(received).containsExactly("fits.txt:" + LIMIT + ":0");
        assertThat(refused).isEmpty();
        assertThat(spooledFiles()).isEqualTo(before);
    }

    @Test
    void theFilesOfOneImportShareTheirAllowanceAndARefusedFileGivesItsShareBack() throws Exception {
        var allowance = new SpooledUpload.Allowance(LIMIT, name -> "together too large at " + name);
        SpooledUpload upload = handler(allowance);
        CountingStream second = new CountingStream(600 * 1024);

        upload.handleUploadRequest(event("one.txt", UNKNOWN, new CountingStream(600 * 1024)));
        upload.handleUploadRequest(event("two.txt", UNKNOWN, second));
        upload.handleUploadRequest(event("three.txt", UNKNOWN, new CountingStream(400 * 1024)));

        assertThat(received).containsExactly("one.txt:614400:0", "three.txt:409600:0");
        assertThat(refused).containsExactly("together too large at two.txt");
        assertThat(second.read).isLessThan(600 * 1024);
    }

    @Test
    void theSpooledFileIsDeletedWhenTheReceiverFails() throws Exception {
        List<Path> before = spooledFiles();
        SpooledUpload failing = new SpooledUpload(LIMIT, name -> "too large", null,
                (name, file) -> { throw new IllegalStateException("refused by the page"); },
                (name, message) -> refused.add(message));
        assertThatThrownBy(() -> failing.handleUploadRequest(event("bad.txt", UNKNOWN, new CountingStream(1000))))
                .hasMessage("refused by the page");
        assertThat(spooledFiles()).isEqualTo(before);
    }

    private static UploadEvent event(String name, long size, InputStream body) throws IOException {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(body);
        return new UploadEvent(request, mock(VaadinResponse.class), mock(VaadinSession.class), name, size,
                "application/octet-stream", null, null);
    }

    private static int firstByte(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read();
        }
    }

    private static List<Path> spooledFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("corroborate-upload-")).sorted().toList();
        }
    }

    /** Zero bytes, as many as asked for, produced as they are read and counted; never held. */
    private static final class CountingStream extends InputStream {

        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
