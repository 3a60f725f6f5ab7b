package dev.royalties.jobs.generate;

/** `royalties generate`: a synthetic month of inputs (stub until issue 2's generator lands). */
public final class GenerateCommand {
    private GenerateCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("generate is not built yet");
    }
}
