package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiLedger;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.ConsentIndex;
import dev.royalties.rules.Licence;
import dev.royalties.rules.Period;
import dev.royalties.rules.Policy;
import dev.royalties.rules.Pool;
import dev.royalties.rules.ReferenceData;
import dev.royalties.rules.ReferenceValidation;
import dev.royalties.rules.VerdictIndex;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The validated reference data of one run, indexed for the rules, with the run's period and policy. */
public record MonthlyReference(Period period, long asOf, Policy policy, Catalogue catalogue, VerdictIndex verdicts,
                               ConsentIndex consent, List<Pool> pools, List<Licence> licences,
                               Set<String> licensedPools, ReferenceData raw) implements Serializable {

    /** Checks every row (spec §3), then indexes; throws ReferenceDataException naming the offending keys. */
    public static MonthlyReference of(ReferenceData data, Period period, long asOf, Policy policy) {
        ReferenceValidation.check(data);
        Set<String> licensed = new HashSet<>();
        for (Licence l : data.licences()) {
            if (period.toString().equals(l.period())) {
                licensed.add(AiLedger.poolKey(l.licenseeId(), l.scope()));
            }
        }
        return new MonthlyReference(period, asOf, policy, new Catalogue(data.tracks(), data.rights()),
                new VerdictIndex(data.verdicts(), asOf), new ConsentIndex(data.consents(), asOf), data.pools(),
                data.licences(), licensed, data);
    }
}
