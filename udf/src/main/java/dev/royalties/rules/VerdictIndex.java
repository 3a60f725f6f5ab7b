package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud verdicts known at as-of, indexed by subject (spec §6). Per subject the verdicts are
 * kept newest first (decided_at, then verdict_id, descending), so the deciding verdict for an
 * instant is simply the first one whose validity covers it.
 */
public final class VerdictIndex implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<Verdict> NEWEST_FIRST = Comparator
            .comparingLong(Verdict::decidedAt)
            .thenComparing(Verdict::verdictId, CodePoints.ORDER)
            .reversed();

    private final Map<String, Verdict[]> byPlay;
    private final Map<String, Verdict[]> byUser;
    private final Map<String, Verdict[]> byTrack;
    /**
     * A bit per value of a play or user subject's String hash (folded to 16 bits): a play whose
     * play_id and user_id find no bit set has no verdict on either, without two map lookups. Nearly
     * every play is such a play; the lookups were 2 % of the per-user stage (issue 10).
     */
    private final long[] playOrUserSubjects = new long[FILTER_BITS / Long.SIZE];
    private static final int FILTER_BITS = 1 << 16;
    private boolean nullSubject;
    private final int known;

    public VerdictIndex(Iterable<Verdict> verdicts, long asOf) {
        Map<String, List<Verdict>> play = new HashMap<>();
        Map<String, List<Verdict>> user = new HashMap<>();
        Map<String, List<Verdict>> track = new HashMap<>();
        int n = 0;
        for (Verdict v : verdicts) {
            if (!v.knownAt(asOf)) {
                continue;
            }
            Map<String, List<Verdict>> target = switch (v.subjectType()) {
                case "play" -> play;
                case "user" -> user;
                case "track" -> track;
                default -> throw new IllegalArgumentException("unknown subject_type " + v.subjectType());
            };
            target.computeIfAbsent(v.subjectId(), k -> new ArrayList<>()).add(v);
            n++;
        }
        this.byPlay = freeze(play);
        this.byUser = freeze(user);
        play.keySet().forEach(this::mark);
        user.keySet().forEach(this::mark);
        this.byTrack = freeze(track);
        this.known = n;
    }

    /** While the run has it pinned, written as a small handle ({@link SharedReference}). */
    private Object writeReplace() {
        return SharedReference.replace(this);
    }

    public static VerdictIndex empty() {
        return new VerdictIndex(List.of(), 0);
    }

    private static Map<String, Verdict[]> freeze(Map<String, List<Verdict>> m) {
        Map<String, Verdict[]> out = new HashMap<>(m.size() * 2);
        m.forEach((k, list) -> {
            Verdict[] a = list.toArray(new Verdict[0]);
            java.util.Arrays.sort(a, NEWEST_FIRST);
            out.put(k, a);
        });
        return out;
    }

    /** A play is fraud when the deciding verdict of any of its subjects says fraud. */
    public boolean playIsFraud(String playId, String userId, String trackId, long playedAt) {
        return decidesFraud(byPlay.get(playId), playedAt)
                || decidesFraud(byUser.get(userId), playedAt)
                || decidesFraud(byTrack.get(trackId), playedAt);
    }

    /** A play's verdicts on itself and its user only; {@link #trackIsFraud} is the third subject. */
    public boolean playOrUserIsFraud(String playId, String userId, long playedAt) {
        if (!marked(playId) && !marked(userId)) {
            return false;
        }
        return decidesFraud(byPlay.get(playId), playedAt) || decidesFraud(byUser.get(userId), playedAt);
    }

    private void mark(String subject) {
        if (subject == null) {
            nullSubject = true;
            return;
        }
        int bit = bit(subject);
        playOrUserSubjects[bit >>> 6] |= 1L << bit;
    }

    private boolean marked(String subject) {
        if (subject == null) {
            return nullSubject;
        }
        int bit = bit(subject);
        return (playOrUserSubjects[bit >>> 6] & 1L << bit) != 0;
    }

    private static int bit(String subject) {
        int h = subject.hashCode();
        return (h ^ h >>> 16) & (FILTER_BITS - 1);
    }

    /** The track_ids that have verdicts known at as-of. */
    public java.util.Set<String> trackSubjects() {
        return java.util.Collections.unmodifiableSet(byTrack.keySet());
    }

    /** AI usage looks only at verdicts on its track (spec §5.1). */
    public boolean trackIsFraud(String trackId, long at) {
        return decidesFraud(byTrack.get(trackId), at);
    }

    public Verdict deciding(String subjectType, String subjectId, long at) {
        Map<String, Verdict[]> m = switch (subjectType) {
            case "play" -> byPlay;
            case "user" -> byUser;
            default -> byTrack;
        };
        Verdict[] vs = m.get(subjectId);
        if (vs != null) {
            for (Verdict v : vs) {
                if (v.covers(at)) {
                    return v;
                }
            }
        }
        return null;
    }

    private static boolean decidesFraud(Verdict[] newestFirst, long at) {
        if (newestFirst == null) {
            return false;
        }
        for (Verdict v : newestFirst) {
            if (v.covers(at)) {
                return v.fraud();
            }
        }
        return false;
    }

    public int knownCount() {
        return known;
    }
}
