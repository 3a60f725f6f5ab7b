package dev.royalties.rules;

/**
 * A partial aggregate of one AI pool (licensee, scope): pool-level unit counts and held weight when
 * artistId is null, else one artist's consented weight (millionths) and units.
 */
public class AiTally {
    public String licenseeId;
    public String scope;
    public String artistId;
    public long weightMicros;
    public long units;
    public long heldMicros;
    public long eligibleUnits;
    public long unmatchedUnits;
    public long fraudUnits;
    public long aiGeneratedUnits;
    public long violationUnits;

    public AiTally() {}

    public AiTally(String licenseeId, String scope, String artistId) {
        this.licenseeId = licenseeId;
        this.scope = scope;
        this.artistId = artistId;
    }

    void add(AiTally o) {
        weightMicros = Math.addExact(weightMicros, o.weightMicros);
        units += o.units;
        heldMicros = Math.addExact(heldMicros, o.heldMicros);
        eligibleUnits += o.eligibleUnits;
        unmatchedUnits += o.unmatchedUnits;
        fraudUnits += o.fraudUnits;
        aiGeneratedUnits += o.aiGeneratedUnits;
        violationUnits += o.violationUnits;
    }
}
