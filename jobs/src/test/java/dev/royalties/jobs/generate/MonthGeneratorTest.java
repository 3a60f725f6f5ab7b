package dev.royalties.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.royalties.io.Tables;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Consent;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Licence;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import dev.royalties.rules.Pool;
import dev.royalties.rules.ReferenceValidation;
import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonthGeneratorTest {
    private static final Period PERIOD = Period.parse("2026-10");
    private static final long PLAYS = 20_000;

    @TempDir
    static Path dir;

    private static MonthSummary summary;
    private static GeneratedMonth month;

    @BeforeAll
    static void generate() throws IOException {
        summary = MonthGenerator.generate(dir.resolve("month"), PLAYS, 11, PERIOD);
        month = GeneratedMonth.read(dir.resolve("month"));
    }

    @Test
    void everyTableHasItsFolderAndTheSummaryCountsWhatWasWritten() {
        Path root = dir.resolve("month");
        for (String table : List.of("plays", "tracks", "track_rights", "revenue_pools", "fraud_verdicts",
                "ai_consent", "ai_usage", "ai_licences")) {
            assertThat(root.resolve(table)).isDirectory();
        }
        assertThat(month.plays()).hasSize((int) PLAYS);
        assertThat(summary.rows()).containsExactly(
                Map.entry("plays", PLAYS),
                Map.entry("tracks", (long) month.tracks().size()),
                Map.entry("track_rights", (long) month.rights().size()),
                Map.entry("revenue_pools", (long) month.pools().size()),
                Map.entry("fraud_verdicts", (long) month.verdicts().size()),
                Map.entry("ai_consent", (long) month.consents().size()),
                Map.entry("ai_usage", (long) month.usage().size()),
                Map.entry("ai_licences", (long) month.licences().size()));
        assertThat(summary.firstRunAsOf()).hasToString("2026-11-05T00:00:00Z");
        assertThat(summary.oneLine()).startsWith("generated 2026-10 (seed 11)").contains("plays=20000");
    }

    @Test
    void playsAreInHiveStyleDayFoldersFromTheDayBeforeToTheDayAfter() throws IOException {
        Path plays = dir.resolve("month").resolve("plays");
        List<String> files;
        try (Stream<Path> s = Files.walk(plays)) {
            files = s.filter(Files::isRegularFile).map(p -> plays.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).allMatch(f -> f.matches("dt=\\d{4}-\\d{2}-\\d{2}/part-\\d{5}\\.parquet"));
        Set<String> days = files.stream().map(f -> f.substring(3, 13)).collect(Collectors.toSet());
        Set<String> expected = Stream.iterate(LocalDate.parse("2026-09-30"), d -> d.plusDays(1)).limit(33)
                .map(LocalDate::toString).collect(Collectors.toSet());
        assertThat(days).isEqualTo(expected);

        long before = month.plays().stream().filter(p -> p.playedAt != Times.NULL
                && p.playedAt < PERIOD.startMicros()).count();
        long after = month.plays().stream().filter(p -> p.playedAt >= PERIOD.endMicros()).count();
        assertThat(before).isPositive();
        assertThat(after).isPositive();
    }

    @Test
    void referenceDataPassesTheEnginesValidation() {
        assertThatCode(() -> ReferenceValidation.check(month.reference())).doesNotThrowAnyException();
    }

    @Test
    void catalogueHasThirdsAiTracksAndGaps() {
        Map<String, List<Long>> shares = month.rights().stream().collect(Collectors.groupingBy(
                Catalogue.Right::trackId, Collectors.mapping(Catalogue.Right::shareMicros, Collectors.toList())));
        assertThat(shares.values()).anyMatch(s -> s.stream().sorted().toList()
                .equals(List.of(333_333L, 333_333L, 333_334L)));
        assertThat(month.tracks()).extracting(Catalogue.Track::aiContent).contains("none", "assisted", "full");

        Set<String> catalogued = month.tracks().stream().map(Catalogue.Track::trackId).collect(Collectors.toSet());
        Set<String> played = valid(month.plays()).stream().map(p -> p.trackId).collect(Collectors.toSet());
        assertThat(played).as("plays on tracks missing from the catalogue")
                .anyMatch(t -> !catalogued.contains(t));
        assertThat(played).as("plays on catalogued tracks without rights")
                .anyMatch(t -> catalogued.contains(t) && !shares.containsKey(t));
        assertThat(shares.keySet()).as("rights for a track missing from the catalogue")
                .anyMatch(t -> !catalogued.contains(t));
    }

    @Test
    void everyKindOfInvalidPlayIsPresent() {
        Map<PlayDefect, Function<Play, Boolean>> shows = Map.ofEntries(
                Map.entry(PlayDefect.PLAY_ID_NULL, p -> p.playId == null),
                Map.entry(PlayDefect.PLAY_ID_EMPTY, p -> "".equals(p.playId)),
                Map.entry(PlayDefect.USER_ID_NULL, p -> p.userId == null),
                Map.entry(PlayDefect.USER_ID_EMPTY, p -> "".equals(p.userId)),
                Map.entry(PlayDefect.TRACK_ID_NULL, p -> p.trackId == null),
                Map.entry(PlayDefect.TRACK_ID_EMPTY, p -> "".equals(p.trackId)),
                Map.entry(PlayDefect.PLAYED_AT_NULL, p -> p.playedAt == Times.NULL),
                Map.entry(PlayDefect.MS_PLAYED_NULL, p -> p.msPlayed == dev.royalties.rules.Nulls.INT),
                Map.entry(PlayDefect.MS_PLAYED_NEGATIVE, p -> p.msPlayed < 0
                        && p.msPlayed != dev.royalties.rules.Nulls.INT),
                Map.entry(PlayDefect.COUNTRY_LOWER_CASE, p -> p.country != null && p.country.matches("[a-z]{2}")),
                Map.entry(PlayDefect.COUNTRY_ALPHA3, p -> p.country != null && p.country.matches("[A-Z]{3}")),
                Map.entry(PlayDefect.COUNTRY_NULL, p -> p.country == null),
                Map.entry(PlayDefect.PRODUCT_UNKNOWN, p -> "vip".equals(p.product)),
                Map.entry(PlayDefect.PRODUCT_CAPITALISED, p -> p.product != null
                        && Character.isUpperCase(p.product.charAt(0))),
                Map.entry(PlayDefect.PRODUCT_NULL, p -> p.product == null));
        assertThat(shows).containsOnlyKeys(PlayDefect.values());
        List<Play> invalid = month.plays().stream().filter(p -> EventValidation.playProblem(p) != null).toList();
        for (PlayDefect d : PlayDefect.values()) {
            assertThat(invalid).as(d.name()).anyMatch(p -> shows.get(d).apply(p)
                    && EventValidation.playProblem(p).startsWith(d.reasonPrefix));
        }
        assertThat(invalid).hasSize(PlayDefect.values().length * Scale.of(PLAYS).invalidPerKind());
    }

    @Test
    void everyKindOfInvalidUsageIsPresent() {
        List<String> reasons = month.usage().stream().map(EventValidation::usageProblem)
                .filter(r -> r != null).toList();
        for (UsageDefect d : UsageDefect.values()) {
            assertThat(reasons).as(d.name()).anyMatch(r -> r.startsWith(d.reasonPrefix));
        }
        assertThat(reasons).hasSize(UsageDefect.values().length * Scale.of(PLAYS).usageInvalidPerKind());
        assertThat(month.usage()).extracting(u -> u.scope).contains("inference").containsNull()
                .anyMatch(s -> s != null && Character.isUpperCase(s.charAt(0)));
        assertThat(month.usage()).extracting(u -> u.units).contains(0L);
    }

    @Test
    void playsAndUsageHaveExactAndDifferingDuplicates() {
        Map<String, List<Object[]>> plays = valid(month.plays()).stream().collect(Collectors.groupingBy(
                p -> p.playId, Collectors.mapping(Tables::row, Collectors.toList())));
        assertDuplicates(plays);
        Map<String, List<Object[]>> usage = month.usage().stream()
                .filter(u -> EventValidation.usageProblem(u) == null)
                .collect(Collectors.groupingBy(u -> u.usageId, Collectors.mapping(Tables::row, Collectors.toList())));
        assertDuplicates(usage);
    }

    private static void assertDuplicates(Map<String, List<Object[]>> byKey) {
        List<List<Object[]>> groups = byKey.values().stream().filter(g -> g.size() > 1).toList();
        assertThat(groups).as("exact duplicates").anyMatch(g -> Arrays.equals(g.get(0), g.get(1)));
        assertThat(groups).as("differing duplicates").anyMatch(g -> !Arrays.equals(g.get(0), g.get(1)));
    }

    @Test
    void streamFarmsPlayJustOverThirtySecondsAndSomeAreCaught() {
        Set<String> flaggedUsers = month.verdicts().stream().filter(v -> v.subjectType().equals("user"))
                .map(Verdict::subjectId).collect(Collectors.toSet());
        Map<String, List<Play>> byUser = valid(month.plays()).stream().collect(Collectors.groupingBy(p -> p.userId));
        assertThat(byUser.entrySet()).as("a flagged user who only ever plays 30-32 s")
                .anyMatch(e -> flaggedUsers.contains(e.getKey()) && e.getValue().size() > 10
                        && e.getValue().stream().allMatch(p -> p.msPlayed >= 30_000 && p.msPlayed <= 32_000));
        assertThat(valid(month.plays())).as("short plays").anyMatch(p -> p.msPlayed < 30_000);
    }

    @Test
    void verdictsAreDecidedOnBothSidesOfTheFirstRunWithAppeals() {
        long firstRun = Times.micros(summary.firstRunAsOf());
        List<Verdict> v = month.verdicts();
        assertThat(v).extracting(Verdict::subjectType).contains("play", "user", "track");
        assertThat(v).anyMatch(x -> x.fraud() && x.decidedAt() <= firstRun);
        assertThat(v).anyMatch(x -> x.fraud() && x.decidedAt() > firstRun && x.decidedAt() >= PERIOD.endMicros());
        assertThat(v).as("time-bounded").anyMatch(x -> x.validFrom() != Times.NULL && x.validTo() != Times.NULL);
        Map<String, List<Verdict>> bySubject = v.stream().collect(Collectors.groupingBy(Verdict::subjectId));
        assertThat(bySubject.values()).as("an appeal: a later 'cleared' reverses a 'fraud'").anyMatch(list ->
                list.stream().anyMatch(x -> x.fraud() && list.stream().anyMatch(y -> !y.fraud()
                        && y.decidedAt() > x.decidedAt())));
        Set<String> playIds = month.plays().stream().map(p -> p.playId).collect(Collectors.toSet());
        assertThat(v).filteredOn(x -> x.subjectType().equals("play")).allMatch(x -> playIds.contains(x.subjectId()));
    }

    @Test
    void consentHasRevocationsAndLateRecords() {
        long firstRun = Times.micros(summary.firstRunAsOf());
        List<Consent> c = month.consents();
        assertThat(c).extracting(Consent::scope).contains("training", "generation");
        assertThat(c).as("revoked during the period").anyMatch(x -> !x.granted()
                && PERIOD.contains(x.effectiveFrom()));
        assertThat(c).as("recorded late, still before the first run").anyMatch(x -> x.granted()
                && x.recordedAt() > x.effectiveFrom() && x.recordedAt() <= firstRun);
        assertThat(c).as("recorded after the first run").anyMatch(x -> x.granted() && x.recordedAt() > firstRun);
    }

    @Test
    void poolsAndLicencesCoverTheAwkwardCases() {
        List<Pool> pools = month.pools().stream().filter(p -> p.period().equals("2026-10")).toList();
        Map<String, Long> productsPerCountry = pools.stream().collect(Collectors.groupingBy(Pool::country,
                Collectors.counting()));
        assertThat(productsPerCountry).hasSizeGreaterThanOrEqualTo(5).allSatisfy((country, n) -> assertThat(n)
                .isEqualTo(4));
        assertThat(pools).extracting(Pool::currency).contains("EUR", "USD");
        Set<String> playedMarkets = valid(month.plays()).stream().map(p -> p.country + "/" + p.product)
                .collect(Collectors.toSet());
        assertThat(pools).as("a pool with no plays")
                .anyMatch(p -> !playedMarkets.contains(p.country() + "/" + p.product()));
        assertThat(playedMarkets).as("plays without a pool").anyMatch(m -> pools.stream()
                .noneMatch(p -> m.equals(p.country() + "/" + p.product())));

        Set<String> licensed = month.licences().stream().filter(l -> l.period().equals("2026-10"))
                .map(l -> l.licenseeId() + "/" + l.scope()).collect(Collectors.toSet());
        Set<String> used = month.usage().stream().map(u -> u.licenseeId + "/" + u.scope).collect(Collectors.toSet());
        assertThat(used).contains("L1/training", "L1/generation").anyMatch(u -> !licensed.contains(u)
                && u.endsWith("/training")).anyMatch(u -> !licensed.contains(u) && u.endsWith("/generation"));
        assertThat(licensed).as("a licence with no usage").anyMatch(l -> !used.contains(l));
        assertThat(month.licences()).extracting(Licence::amountCents).allMatch(a -> a > 0);
    }

    @Test
    void sameSeedGivesIdenticalBytesWhateverTheThreadsAndAnotherSeedDiffers() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        MonthGenerator.generate(a, PLAYS, 11, PERIOD, 1);
        MonthGenerator.generate(b, PLAYS, 11, PERIOD, 3);
        MonthGenerator.generate(c, PLAYS, 12, PERIOD, 2);
        Map<String, byte[]> first = contents(a);
        assertThat(first).hasSizeGreaterThan(8);
        Map<String, byte[]> second = contents(b);
        Map<String, byte[]> original = contents(dir.resolve("month"));
        assertThat(second.keySet()).isEqualTo(first.keySet()).isEqualTo(original.keySet());
        first.forEach((file, bytes) -> {
            assertThat(second.get(file)).as(file).isEqualTo(bytes);
            assertThat(original.get(file)).as(file).isEqualTo(bytes);
        });
        Map<String, byte[]> other = contents(c);
        assertThat(other.get("plays/dt=2026-10-15/part-00000.parquet"))
                .isNotEqualTo(first.get("plays/dt=2026-10-15/part-00000.parquet"));
        assertThat(other.get("tracks/part-00000.parquet")).isNotEqualTo(first.get("tracks/part-00000.parquet"));
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> root.relativize(p).toString(), p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private static List<Play> valid(List<Play> plays) {
        return plays.stream().filter(p -> EventValidation.playProblem(p) == null).toList();
    }
}
