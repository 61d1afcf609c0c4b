package org.claimrules.cli;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.claimrules.batch.MemberHistory;
import org.claimrules.engine.Evaluation;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.ScoredClaim;
import org.claimrules.io.Json;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.ClaimResult;

/**
 * {@code score --history}: each member's stored history goes into the batch, and what the run's
 * claims add is kept in a spool file (the run may hold millions of claims) and written to the
 * store in one transaction only when the run completes. A run that stops or fails writes nothing.
 */
final class HistoryWriteBack implements MemberHistory, AutoCloseable {

    private static final ObjectWriter WRITER = Json.mapper().writerFor(ScoredClaim.class);
    private static final ObjectReader READER = Json.mapper().readerFor(ScoredClaim.class);

    private final HistoryStore store;
    private final Path spool;
    private final BufferedWriter out;
    private long spooled;

    HistoryWriteBack(HistoryStore store, Path dir) throws IOException {
        this.store = store;
        // Created readable by its owner only: it holds member IDs until the run ends.
        this.spool = Files.createTempFile(dir, ".claimrules-history-", ".jsonl");
        this.out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    @Override
    public List<HistoryEntry> before(String memberId, Set<String> claimIds) {
        if (memberId.length() > HistoryStore.MAX_MEMBER_ID_CHARS) {
            return List.of();
        }
        return store.forMember(memberId, null).stream().filter(e -> !claimIds.contains(e.claimId())).toList();
    }

    @Override
    public void scored(Evaluation evaluation) {
        String member = evaluation.claim().memberId();
        if (member == null || member.length() > HistoryStore.MAX_MEMBER_ID_CHARS) {
            return;
        }
        ClaimResult r = evaluation.result();
        ScoredClaim claim = new ScoredClaim(r.claimId(), member, r.rulesetVersion(), r.disposition(),
                evaluation.historyForLaterClaims());
        try {
            String line = WRITER.writeValueAsString(claim);
            synchronized (out) {
                out.write(line);
                out.write('\n');
                spooled++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the run's history could not be spooled to " + spool, e);
        }
    }

    /** Writes every spooled claim to the store, in one transaction; returns how many. */
    long commit() throws IOException {
        synchronized (out) {
            out.close();
        }
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            store.recordAll(() -> lines(in));
        }
        return spooled;
    }

    private static Iterator<ScoredClaim> lines(BufferedReader in) {
        return new Iterator<>() {
            String next = read();

            private String read() {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ScoredClaim next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                try {
                    ScoredClaim c = READER.readValue(next);
                    next = read();
                    return c;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
        Files.deleteIfExists(spool);
        store.close();
    }
}
