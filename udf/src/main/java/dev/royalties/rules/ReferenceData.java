package dev.royalties.rules;

import java.io.Serializable;
import java.util.List;

/** The reference tables of one run, as read, before validation. */
public record ReferenceData(List<Catalogue.Track> tracks, List<Catalogue.Right> rights, List<Pool> pools,
                            List<Verdict> verdicts, List<Consent> consents, List<Licence> licences)
        implements Serializable {}
