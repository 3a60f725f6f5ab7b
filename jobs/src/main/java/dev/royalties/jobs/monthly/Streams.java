package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayBlockSerializer;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.jobs.types.UserPlayRecordSerializer;
import dev.royalties.jobs.types.UsageSerializer;
import dev.royalties.jobs.types.FixedSerializerTypeInfo;
import dev.royalties.jobs.types.LongBlockSerializer;
import dev.royalties.jobs.types.MonthlyPlaySerializer;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.Adjustment;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.QuarantineRow;
import dev.royalties.rules.ModelComparison;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.Usage;
import dev.royalties.rules.UserPoolPlays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;

/** Stream types and side outputs of the monthly job, named once. */
final class Streams {
    static final TypeInformation<Play> PLAY = new FixedSerializerTypeInfo<>(Play.class, MonthlyPlaySerializer.INSTANCE);
    static final TypeInformation<UserPlayRecord> USER_PLAY_RECORD = new FixedSerializerTypeInfo<>(
            UserPlayRecord.class, UserPlayRecordSerializer.INSTANCE);
    static final TypeInformation<UserPlayBlock> USER_PLAY_BLOCK = new FixedSerializerTypeInfo<>(
            UserPlayBlock.class, UserPlayBlockSerializer.INSTANCE);
    /** The plays' fingerprints for the cross-user check ({@link PlayFingerprints}). */
    static final TypeInformation<long[]> FINGERPRINTS = new FixedSerializerTypeInfo<>(long[].class,
            LongBlockSerializer.INSTANCE);
    static final TypeInformation<Usage> USAGE = new FixedSerializerTypeInfo<>(Usage.class, UsageSerializer.INSTANCE);
    static final TypeInformation<PlayTally> PLAY_TALLY = TypeInformation.of(PlayTally.class);
    static final TypeInformation<Partial> PARTIAL = new FixedSerializerTypeInfo<>(Partial.class,
            PartialSerializer.INSTANCE);
    static final TypeInformation<ArtistPayment> PAYMENT = TypeInformation.of(ArtistPayment.class);
    static final TypeInformation<AiViolation> VIOLATION = TypeInformation.of(AiViolation.class);
    static final TypeInformation<TrackEligibility> ELIGIBILITY = TypeInformation.of(TrackEligibility.class);
    static final TypeInformation<UserPoolPlays> USER_POOL_PLAYS = TypeInformation.of(UserPoolPlays.class);
    static final TypeInformation<PoolUser> POOL_USER = TypeInformation.of(PoolUser.class);
    static final TypeInformation<UserParts> USER_PARTS = TypeInformation.of(UserParts.class);

    static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("quarantine",
            TypeInformation.of(QuarantineRow.class));
    static final OutputTag<Partial> PARTIALS = new OutputTag<>("partials", PARTIAL);
    static final OutputTag<long[]> FINGERPRINT_BLOCKS = new OutputTag<>("fingerprints", FINGERPRINTS);
    static final OutputTag<PoolReconciliation> RECONCILIATION = new OutputTag<>("reconciliation",
            TypeInformation.of(PoolReconciliation.class));
    static final OutputTag<Adjustment> ADJUSTMENTS = new OutputTag<>("adjustments",
            TypeInformation.of(Adjustment.class));
    static final OutputTag<UserPoolPlays> USER_POOLS = new OutputTag<>("user-pool-plays", USER_POOL_PLAYS);
    static final OutputTag<PoolUser> POOL_USERS = new OutputTag<>("pool-users", POOL_USER);
    static final OutputTag<TrackListening> TRACK_HISTORY = new OutputTag<>("track-history",
            TypeInformation.of(TrackListening.class));
    static final OutputTag<ModelComparison.Row> MODEL_COMPARISON = new OutputTag<>("model-comparison",
            TypeInformation.of(ModelComparison.Row.class));
    static final OutputTag<String> SUMMARY = new OutputTag<>("summary", Types.STRING);

    private Streams() {}
}
