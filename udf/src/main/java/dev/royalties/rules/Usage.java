package dev.royalties.rules;

/** One row of AI-training/generation usage reported by a licensee (spec §2). */
public class Usage {
    public String usageId;
    public String licenseeId;
    public String modelId;
    public String trackId;
    public String scope;
    public long usedAt = Times.NULL;
    public long units = Nulls.LONG;
    public int copies = 1;

    public Usage() {}

    public Usage(String usageId, String licenseeId, String modelId, String trackId, String scope, long usedAt, long units) {
        this.usageId = usageId;
        this.licenseeId = licenseeId;
        this.modelId = modelId;
        this.trackId = trackId;
        this.scope = scope;
        this.usedAt = usedAt;
        this.units = units;
    }

    public String toJson() {
        return new Json()
                .field("usage_id", usageId).field("licensee_id", licenseeId).field("model_id", modelId)
                .field("track_id", trackId).field("scope", scope).time("used_at", usedAt)
                .longInteger("units", units)
                .toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
