package org.claimrules.batch;

/**
 * The claim IDs seen so far in a batch, to flag a repeated one (DUPLICATE_CLAIM), in bounded
 * memory: a set of 64-bit fingerprints in one open-addressing {@code long[]} (8 bytes a slot,
 * at most 3/4 full: about 13 bytes a claim, 128 MiB for 10 million), instead of the strings
 * (about 100 bytes each with their objects).
 *
 * <p>The price is a false alarm when two different IDs share a fingerprint: for n distinct IDs,
 * with probability below n^2 / 2^65 (3 in a million for a batch of 10 million, 3 in 10^12 for
 * 10,000). The fingerprint hashes every character, with a seed fixed in the code, so the result
 * does not change from run to run.
 */
final class ClaimIds {

    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** True when {@code id} was not seen before (it is now); false for a repeat. */
    boolean add(String id) {
        long f = fingerprint(id);
        if (f == EMPTY) {
            boolean first = !hasZero;
            hasZero = true;
            return first;
        }
        if (size + 1 > slots.length / 4 * 3) {
            grow();
        }
        if (!insert(slots, f)) {
            return false;
        }
        size++;
        return true;
    }

    /** Bytes held, for the memory budget. */
    long footprint() {
        return 8L * slots.length;
    }

    private static boolean insert(long[] table, long f) {
        int mask = table.length - 1;
        int i = (int) (f ^ (f >>> 32)) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == f) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = f;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long f : slots) {
            if (f != EMPTY) {
                insert(bigger, f);
            }
        }
        slots = bigger;
    }

    /** 64-bit FNV-1a over the UTF-16 characters (no copy of the string), then a murmur3 finaliser. */
    static long fingerprint(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
