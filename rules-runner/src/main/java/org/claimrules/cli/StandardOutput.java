package org.claimrules.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

/**
 * Results written to standard output ({@code --output -}) go straight to file descriptor 1, not
 * through {@code System.out}: a PrintStream swallows write errors, so a full disk behind
 * {@code > file} or a reader that went away ({@code | head}) would end the run with status 0 and
 * a short output. Here they fail the write, and the run ends with status 4 and the reason.
 */
final class StandardOutput {

    private StandardOutput() {
    }

    static OutputStream open() {
        System.out.flush();
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16) {
            @Override
            public void close() {
                // standard output belongs to the process; flushing is done by the pipeline
            }
        };
    }
}
