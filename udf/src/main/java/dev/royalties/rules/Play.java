package dev.royalties.rules;

/**
 * One row of the consumption log. A mutable POJO with public fields on purpose: it is the record
 * that flows through the monthly and live jobs by the million, and Flink's POJO serializer handles
 * it without reflection per field access. Missing values use {@link Times#NULL} / {@link Nulls#INT}.
 */
public class Play {
    public String playId;
    public String userId;
    public String trackId;
    public long playedAt = Times.NULL;
    public int msPlayed = Nulls.INT;
    public String country;
    public String product;
    /** How the listener got to the play (optional column, issue 9); null means suggested. */
    public String origin;
    /** How many input rows this play stands for (duplicates merged into it). */
    public int copies = 1;
    /**
     * The track's credits once a stage has looked them up ({@link Catalogue#credits(Play)}); never
     * serialized, so every stage that receives a play looks them up again at most once.
     */
    public transient Catalogue.Credits credits;
    /**
     * The track's {@link Catalogue.Credits#index()} when a reader has found it (-1: unknown or
     * unmatched). Carried by the monthly job's own serializer only; the same catalogue numbers
     * tracks the same way on every worker.
     */
    public transient int trackIndex = -1;

    public Play() {}

    public Play(String playId, String userId, String trackId, long playedAt, int msPlayed, String country, String product) {
        this.playId = playId;
        this.userId = userId;
        this.trackId = trackId;
        this.playedAt = playedAt;
        this.msPlayed = msPlayed;
        this.country = country;
        this.product = product;
    }

    public Play(String playId, String userId, String trackId, long playedAt, int msPlayed, String country, String product,
                String origin) {
        this(playId, userId, trackId, playedAt, msPlayed, country, product);
        this.origin = origin;
    }

    /** True when the listener chose the play (search, library, own playlist); artist-centric doubles it. */
    public boolean active() {
        return origin != null && Vocabulary.ACTIVE_ORIGINS.contains(origin);
    }

    /** The row as JSON, as received, for the quarantine (it holds user_id: operational data only). */
    public String toJson() {
        Json json = new Json()
                .field("play_id", playId).field("user_id", userId).field("track_id", trackId)
                .time("played_at", playedAt).integer("ms_played", msPlayed)
                .field("country", country).field("product", product);
        // The optional column only when the row had it, so rows of files without it read as before.
        return (origin == null ? json : json.field("origin", origin)).toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
