package org.claimrules.formats.x12;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.ProviderRole;

/**
 * Writes claims of the project's format as an 837P (005010X222A1), for tests and benchmarks: the
 * inverse of the reader's mapping for what an 837P can carry (no clinical documentation, no
 * history, no authorization decision date, no hospital outpatient claims). Each claim has its own
 * billing provider and subscriber levels; {@code perTransaction} claims share a transaction.
 */
public final class X12Writer implements AutoCloseable {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final Writer out;
    private final int perTransaction;
    private int interchange;
    private int inTransaction;
    private int segments;
    private int hl;
    private boolean open;

    public X12Writer(Writer out, int perTransaction) {
        this.out = out;
        this.perTransaction = perTransaction;
    }

    public void write(Claim c) throws IOException {
        if (c.billingProvider().role() == ProviderRole.HOSPITAL_OUTPATIENT) {
            throw new IllegalArgumentException(c.claimId() + ": an 837P carries no hospital outpatient claim");
        }
        if (!open) {
            start();
        }
        int billing = ++hl;
        seg("HL", billing, "", "20", "1");
        if (c.billingProvider().role() == ProviderRole.ASC_FACILITY) {
            seg("PRV", "BI", "PXC", "261QA1903X");
        } else if (c.billingProvider().criticalAccess()) {
            seg("PRV", "BI", "PXC", "282NC0060X");
        }
        seg("NM1", "85", "2", "BILLING PROVIDER", "", "", "", "", "XX", nz(c.billingProvider().npi()));
        seg("N3", "1 MAIN ST");
        seg("N4", "TOWN", "KY", "40001");
        seg("REF", "EI", "123456789");
        seg("HL", ++hl, billing, "22", "0");
        String profile = c.payer().profile();
        seg("SBR", "P", "18", "", "", "", "", "", "", "COMMERCIAL".equals(profile) ? "CI" : "MB");
        seg("NM1", "IL", "1", "DOE", "PAT", "", "", "", "MI", c.patient().memberId());
        if (c.patient().birthDate() != null) {
            seg("DMG", "D8", c.patient().birthDate().format(D8), nz(c.patient().sex()));
        }
        seg("NM1", "PR", "2", "PAYER", "", "", "", "", "PI", payerId(c));
        BigDecimal total = c.lines().stream().map(l -> l.charge() == null ? BigDecimal.ZERO : l.charge())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        seg("CLM", c.claimId(), total.toPlainString(), "", "", c.placeOfService() + ":B:1", "Y", "A", "Y", "Y");
        if (c.priorAuthorization() != null && c.priorAuthorization().number() != null) {
            seg("REF", "G1", c.priorAuthorization().number());
        }
        List<String> dx = c.diagnoses();
        for (int i = 0; i < dx.size(); i += 12) {
            StringBuilder hi = new StringBuilder("HI");
            for (int j = i; j < Math.min(dx.size(), i + 12); j++) {
                hi.append('*').append(j == 0 ? "ABK" : "ABF").append(':').append(dx.get(j).replace(".", ""));
            }
            raw(hi.toString());
        }
        for (ClaimLine l : c.lines()) {
            seg("LX", l.lineNumber());
            String code = "HC:" + l.procedureCode() + l.modifiers().stream().map(m -> ":" + m).collect(Collectors.joining());
            String pointers = l.diagnosisPointers() == null ? ""
                    : l.diagnosisPointers().stream().map(String::valueOf).collect(Collectors.joining(":"));
            seg("SV1", code, l.charge() == null ? "0" : l.charge().toPlainString(), "UN", l.units(), "", "", pointers);
            seg("DTP", "472", "D8", l.serviceDate().format(D8));
        }
        if (++inTransaction == perTransaction) {
            end();
        }
    }

    private static String payerId(Claim c) {
        String mac = c.payer().mac();
        return "CGS_J15".equals(mac) ? "15202" : "NORIDIAN_JE".equals(mac) ? "01182" : "PAYER1";
    }

    private void start() throws IOException {
        interchange++;
        String control = String.format("%09d", interchange);
        out.write("ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260301*1200*^*00501*"
                + control + "*0*P*:~\n");
        raw("GS*HC*SUBMITTER*RECEIVER*20260301*1200*" + interchange + "*X*005010X222A1");
        segments = 0;
        seg("ST", "837", "0001", "005010X222A1");
        seg("BHT", "0019", "00", "B" + interchange, "20260301", "1200", "CH");
        seg("NM1", "41", "2", "SUBMITTER", "", "", "", "", "46", "S1");
        seg("PER", "IC", "CONTACT", "TE", "5555551234");
        seg("NM1", "40", "2", "RECEIVER", "", "", "", "", "46", "R1");
        hl = 0;
        inTransaction = 0;
        open = true;
    }

    private void end() throws IOException {
        seg("SE", segments + 1, "0001");
        raw("GE*1*" + interchange);
        raw("IEA*1*" + String.format("%09d", interchange));
        open = false;
    }

    private void seg(String tag, Object... elements) throws IOException {
        StringBuilder s = new StringBuilder(tag);
        int last = elements.length;
        while (last > 0 && String.valueOf(elements[last - 1]).isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            s.append('*').append(elements[i]);
        }
        raw(s.toString());
    }

    private void raw(String segment) throws IOException {
        out.write(segment);
        out.write("~\n");
        segments++;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Converts JSON Lines claims (from {@code claimrules generate}) to an 837P, for the benchmark in
     * docs/benchmarks.md: {@code X12Writer in.jsonl[.gz] out.837[.gz]}. Records that do not read as
     * claims, and hospital outpatient claims, are left out and counted.
     */
    public static void main(String[] args) throws Exception {
        long written = 0;
        long skipped = 0;
        try (java.io.BufferedReader in = new java.io.BufferedReader(org.claimrules.io.Streams.openInput(args[0]));
             java.io.OutputStream raw = org.claimrules.io.Streams.openOutputStream(java.nio.file.Path.of(args[1]),
                     args[1].endsWith(".gz"));
             X12Writer out = new X12Writer(new java.io.OutputStreamWriter(raw, java.nio.charset.StandardCharsets.UTF_8), 1000)) {
            String line;
            while ((line = in.readLine()) != null) {
                org.claimrules.io.ClaimReader.Read read = org.claimrules.io.ClaimReader.read(line, 1);
                if (!read.ok() || !writable(read.claim())) {
                    skipped++;
                    continue;
                }
                out.write(read.claim());
                written++;
            }
        }
        System.err.println("claims written: " + written + "; left out: " + skipped);
    }

    /** What the 837P needs of a claim (the generator's invalid records lack some of it). */
    static boolean writable(Claim c) {
        return c.claimId() != null && c.payer() != null && c.payer().profile() != null && c.billingProvider() != null
                && c.billingProvider().role() != null && c.billingProvider().role() != ProviderRole.HOSPITAL_OUTPATIENT
                && c.placeOfService() != null && c.patient() != null && c.patient().memberId() != null
                && c.diagnoses() != null && !c.lines().isEmpty() && c.lines().stream().allMatch(l -> l != null
                        && l.lineNumber() != null && l.procedureCode() != null && l.units() != null && l.serviceDate() != null
                        && (l.diagnosisPointers() == null || l.diagnosisPointers().size() <= 4) && l.modifiers().size() <= 4);
    }

    @Override
    public void close() throws IOException {
        if (open) {
            end();
        }
        out.flush();
    }
}
