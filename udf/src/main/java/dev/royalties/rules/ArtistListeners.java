package dev.royalties.rules;

/** Distinct users with at least one eligible play of an artist's tracks in the period (artist-centric). */
public class ArtistListeners {
    public String artistId;
    public long listeners;

    public ArtistListeners() {}

    public ArtistListeners(String artistId, long listeners) {
        this.artistId = artistId;
        this.listeners = listeners;
    }
}
