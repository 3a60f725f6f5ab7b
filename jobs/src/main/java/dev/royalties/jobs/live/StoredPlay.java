package dev.royalties.jobs.live;

/** What the accruals keep of a play (user_id is the state key, play_id the map key). */
public class StoredPlay {
    public String trackId;
    public long playedAt;
    public int msPlayed;
    public String country;
    public String product;
    /** It passed steps 2-4 of spec §4 (not short, matched, not full AI): only verdicts can stop it. */
    public boolean payable;

    public StoredPlay() {}
}
