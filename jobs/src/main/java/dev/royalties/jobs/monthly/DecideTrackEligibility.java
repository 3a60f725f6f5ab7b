package dev.royalties.jobs.monthly;

import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.TrackListening;
import java.util.HashMap;
import java.util.Map;

/**
 * The threshold's verdict per track (issue 9 §1), from every worker's listening of the period and
 * the history the driver read. Runs with parallelism 1 on one record per (worker, track).
 */
final class DecideTrackEligibility extends EndOfInputOperator<Partial, TrackEligibility> {
    private static final long serialVersionUID = 1L;

    private final Policy policy;
    private final HashMap<String, Long> historyStreams;
    private transient Map<String, TrackListening> period;

    DecideTrackEligibility(Policy policy, Map<String, Long> historyStreams) {
        this.policy = policy;
        this.historyStreams = new HashMap<>(historyStreams);
    }

    @Override
    public void open() throws Exception {
        super.open();
        period = new HashMap<>();
    }

    @Override
    protected void onElement(Partial p) {
        if (p.track != null) {
            TrackListening t = period.computeIfAbsent(p.track.trackId, k -> new TrackListening(k, 0, 0));
            t.streams += p.track.streams;
            t.listeners += p.track.listeners;
        }
    }

    @Override
    protected void onEnd() {
        emit(TrackEligibility.decide(policy, historyStreams, period.values()));
    }

    @Override
    protected void release() {
        period = null;
    }
}
