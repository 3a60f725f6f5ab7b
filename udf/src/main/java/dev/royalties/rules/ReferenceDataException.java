package dev.royalties.rules;

/** Inconsistent reference data: the run stops before anything is written (spec §3). */
public class ReferenceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReferenceDataException(String message) {
        super(message);
    }
}
