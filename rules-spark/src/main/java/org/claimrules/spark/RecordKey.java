package org.claimrules.spark;

import java.io.Serializable;
import java.util.Comparator;
import org.apache.spark.Partitioner;

/**
 * The shuffle key of a record: its member, or null for a record that could not be read or names
 * no member (it is then scored on its own), and its input line. Records are partitioned by member
 * and sorted by member then input line, so each partition holds whole members, one after the
 * other, each in input order: the order {@code claimrules score} groups and scores them in.
 */
record RecordKey(String member, long inputLine) implements Serializable {

    /** Members first by ID, each member's records by input line; records without a member first. */
    static final Comparator<RecordKey> ORDER = new Order();

    boolean sameMember(RecordKey other) {
        return member != null && member.equals(other.member);
    }

    private static final class Order implements Comparator<RecordKey>, Serializable {
        @Override
        public int compare(RecordKey a, RecordKey b) {
            if (a.member == null || b.member == null) {
                if (a.member != b.member) {
                    return a.member == null ? -1 : 1;
                }
            } else {
                int byMember = a.member.compareTo(b.member);
                if (byMember != 0) {
                    return byMember;
                }
            }
            return Long.compare(a.inputLine, b.inputLine);
        }
    }

    /** All of a member's records go to one partition; records without a member spread by line. */
    static final class ByMember extends Partitioner {
        private final int partitions;

        ByMember(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            RecordKey k = (RecordKey) key;
            int hash = k.member != null ? k.member.hashCode() : Long.hashCode(k.inputLine);
            return Math.floorMod(hash, partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByMember other && other.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
