package org.claimrules.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private static List<RecordReader.Record> all(String input, int maxChars) throws IOException {
        List<RecordReader.Record> records = new ArrayList<>();
        try (RecordReader reader = new RecordReader(new StringReader(input), maxChars)) {
            RecordReader.Record r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void recordsKeepTheirPhysicalLineNumbersAcrossBlankLinesAndLineEndings() throws IOException {
        List<RecordReader.Record> records = all("a\r\n\n  \nb\r\nc", 10);

        assertEquals(List.of("a", "b", "c"), records.stream().map(RecordReader.Record::text).toList());
        assertEquals(List.of(1L, 4L, 5L), records.stream().map(RecordReader.Record::inputLine).toList());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRecordIsDropped() throws IOException {
        List<RecordReader.Record> records = all("\uFEFF{}\n\uFEFF{}", 10);
        List<RecordReader.Record> twice = all("\uFEFF\uFEFF{}", 10);

        assertEquals("{}", records.get(0).text());
        assertEquals("\uFEFF{}", records.get(1).text(), "only the first character of the input can be a BOM");
        assertEquals("\uFEFF{}", twice.get(0).text(), "only one BOM is dropped (found by ClaimFuzzTest)");
    }

    @Test
    void aRecordOverTheLimitIsReportedWithoutItsTextAndReadingGoesOn() throws IOException {
        String huge = "x".repeat(200_000);
        List<RecordReader.Record> records = all("ok\n" + huge + "\nnext\n", 1_000);

        assertEquals(3, records.size());
        assertTrue(records.get(1).tooLong());
        assertNull(records.get(1).text());
        assertEquals(200_000, records.get(1).length());
        assertEquals(2, records.get(1).inputLine());
        assertEquals("next", records.get(2).text());
        assertEquals(3, records.get(2).inputLine());
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), all("", 10));
        assertEquals(List.of(), all("\n\n", 10));
    }
}
