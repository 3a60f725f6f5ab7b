package dev.royalties.jobs.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The JSON messages of the live topics (spec §2): one flat object per message, field names as the
 * table columns, timestamps as ISO-8601 strings with a zone or as epoch milliseconds. Unknown
 * fields are ignored (as extra columns are); a wrong type, a timestamp without a zone or finer than
 * microseconds, a number out of range, a field given twice or malformed JSON is a {@link BadRecord}
 * with a one-line reason. Contract rules (null
 * keys, vocabularies, ...) are not checked here: they belong to {@code EventValidation}.
 *
 * <p>Parsing is a streaming pass with Jackson's core parser (no tree, no reflection): it is on the
 * hot path of ingest.
 */
public final class LiveJson {
    // Duplicate detection: with a field given twice, Jackson's streaming reader would silently keep
    // the last value; a message that says two things is quarantined instead (docs/live.md).
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private LiveJson() {}

    /** A message that cannot be read as the table's row: goes to quarantine with this reason. */
    public static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String reason) {
            super(reason, null, false, false);
        }
    }

    public static Play play(byte[] json) throws BadRecord {
        Play p = new Play();
        readObject(json, (name, jp) -> {
            switch (name) {
                case "play_id" -> p.playId = text(jp, name);
                case "user_id" -> p.userId = text(jp, name);
                case "track_id" -> p.trackId = text(jp, name);
                case "played_at" -> p.playedAt = time(jp, name);
                case "ms_played" -> p.msPlayed = int32(jp, name);
                case "country" -> p.country = text(jp, name);
                case "product" -> p.product = text(jp, name);
                default -> jp.skipChildren();
            }
        });
        return p;
    }

    public static Usage usage(byte[] json) throws BadRecord {
        Usage u = new Usage();
        readObject(json, (name, jp) -> {
            switch (name) {
                case "usage_id" -> u.usageId = text(jp, name);
                case "licensee_id" -> u.licenseeId = text(jp, name);
                case "model_id" -> u.modelId = text(jp, name);
                case "track_id" -> u.trackId = text(jp, name);
                case "scope" -> u.scope = text(jp, name);
                case "used_at" -> u.usedAt = time(jp, name);
                case "units" -> u.units = int64(jp, name);
                default -> jp.skipChildren();
            }
        });
        return u;
    }

    public static Verdict verdict(byte[] json) throws BadRecord {
        String[] text = new String[4]; // verdict_id, subject_type, subject_id, decision
        long[] time = {Times.NULL, Times.NULL, Times.NULL}; // valid_from, valid_to, decided_at
        readObject(json, (name, jp) -> {
            switch (name) {
                case "verdict_id" -> text[0] = text(jp, name);
                case "subject_type" -> text[1] = text(jp, name);
                case "subject_id" -> text[2] = text(jp, name);
                case "decision" -> text[3] = text(jp, name);
                case "valid_from" -> time[0] = time(jp, name);
                case "valid_to" -> time[1] = time(jp, name);
                case "decided_at" -> time[2] = time(jp, name);
                default -> jp.skipChildren();
            }
        });
        return new Verdict(text[0], text[1], text[2], time[0], time[1], text[3], time[2]);
    }

    /** Reads one field's value (the parser stands on it); unknown fields are skipped by the caller's switch. */
    @FunctionalInterface
    private interface FieldReader {
        void read(String name, JsonParser jp) throws IOException, BadRecord;
    }

    /** One JSON object, field by field, then nothing after it; any parse failure is a {@link BadRecord}. */
    private static void readObject(byte[] json, FieldReader fields) throws BadRecord {
        try (JsonParser jp = open(json)) {
            while (nextField(jp)) {
                String name = jp.currentName();
                jp.nextToken();
                fields.read(name, jp);
            }
            end(jp);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.startsWith(DUPLICATE_FIELD)) {
                String field = m.substring(DUPLICATE_FIELD.length(), Math.max(DUPLICATE_FIELD.length(),
                        m.lastIndexOf('\'')));
                throw new BadRecord("field '" + clip(field) + "' appears more than once: ambiguous message");
            }
            throw malformed(e);
        } catch (IOException e) {
            throw new BadRecord("unreadable: " + oneLine(e.getMessage()));
        }
    }

    private static JsonParser open(byte[] json) throws IOException, BadRecord {
        JsonParser jp = FACTORY.createParser(json);
        JsonToken first = jp.nextToken();
        if (first != JsonToken.START_OBJECT) {
            jp.close();
            throw new BadRecord(first == null ? "empty message" : "not a JSON object (starts with " + first.asString() + ")");
        }
        return jp;
    }

    private static boolean nextField(JsonParser jp) throws IOException {
        return jp.nextToken() == JsonToken.FIELD_NAME;
    }

    private static void end(JsonParser jp) throws IOException, BadRecord {
        if (jp.nextToken() != null) {
            throw new BadRecord("trailing content after the JSON object");
        }
    }

    private static String text(JsonParser jp, String name) throws IOException, BadRecord {
        return switch (jp.currentToken()) {
            case VALUE_STRING -> jp.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(jp, name, "a string");
        };
    }

    private static int int32(JsonParser jp, String name) throws IOException, BadRecord {
        return switch (jp.currentToken()) {
            case VALUE_NUMBER_INT -> {
                if (jp.getNumberType() != JsonParser.NumberType.INT || jp.getIntValue() == Nulls.INT) {
                    throw new BadRecord(name + " is out of the INT range (" + jp.getText() + ")");
                }
                yield jp.getIntValue();
            }
            case VALUE_NULL -> Nulls.INT;
            default -> throw wrongType(jp, name, "a whole number");
        };
    }

    private static long int64(JsonParser jp, String name) throws IOException, BadRecord {
        return switch (jp.currentToken()) {
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType t = jp.getNumberType();
                if (t == JsonParser.NumberType.BIG_INTEGER || jp.getLongValue() == Nulls.LONG) {
                    throw new BadRecord(name + " is out of the BIGINT range (" + jp.getText() + ")");
                }
                yield jp.getLongValue();
            }
            case VALUE_NULL -> Nulls.LONG;
            default -> throw wrongType(jp, name, "a whole number");
        };
    }

    /** ISO-8601 with a zone ("2026-10-01T12:00:00.123456Z", "+02:00", "[Europe/Paris]") or epoch millis. */
    private static long time(JsonParser jp, String name) throws IOException, BadRecord {
        switch (jp.currentToken()) {
            case VALUE_NULL:
                return Times.NULL;
            case VALUE_NUMBER_INT: {
                if (jp.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new BadRecord(name + " is out of range (" + jp.getText() + ")");
                }
                try {
                    return Math.multiplyExact(jp.getLongValue(), 1_000L);
                } catch (ArithmeticException e) {
                    throw new BadRecord(name + " is out of range (" + jp.getText() + ")");
                }
            }
            case VALUE_STRING:
                return isoMicros(jp.getText(), name);
            default:
                throw wrongType(jp, name, "an ISO-8601 string or epoch milliseconds");
        }
    }

    /**
     * An ISO-8601 timestamp with a zone, as microseconds: {@code Z} or an offset ({@code +02:00}),
     * optionally followed by a region ({@code [Europe/Paris]}), or a region alone; seconds
     * optional. With an offset the offset decides. A region alone is resolved with the region's
     * rules as {@link ZonedDateTime#ofLocal} does: a local time in a DST gap moves forward by the
     * gap's length, one in an overlap takes the earlier offset (the summer one). A fraction finer
     * than microseconds (non-zero 7th to 9th digit) is a bad record: the archive keeps microseconds,
     * and cutting them silently could reorder plays whose order decides which duplicate counts.
     */
    static long isoMicros(String s, String name) throws BadRecord {
        long fast = fastUtcMicros(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        if (finerThanMicros(s)) {
            throw new BadRecord(name + " '" + clip(s) + "' is finer than microseconds (at most 6 fractional digits,"
                    + " or zeros after them)");
        }
        try {
            Instant i;
            int bracket = s.indexOf('[');
            if (bracket < 0) {
                i = OffsetDateTime.parse(s).toInstant();
            } else if (!s.endsWith("]")) {
                throw new DateTimeException("text after the zone region");
            } else if (hasOffset(s.substring(0, bracket))) {
                i = ZonedDateTime.parse(s).toInstant();
            } else {
                ZoneId zone = ZoneId.of(s.substring(bracket + 1, s.length() - 1));
                i = ZonedDateTime.ofLocal(LocalDateTime.parse(s.substring(0, bracket)), zone, null).toInstant();
            }
            return Times.micros(i);
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadRecord(name + " '" + clip(s) + "' is not an ISO-8601 timestamp with a zone");
        }
    }

    /** Whether the local date-time before a "[region]" ends in an offset (Z, +hh:mm, -hh:mm). */
    private static boolean hasOffset(String dateTime) {
        int t = dateTime.indexOf('T');
        return t >= 0 && (dateTime.endsWith("Z") || dateTime.indexOf('+', t) >= 0 || dateTime.indexOf('-', t) >= 0);
    }

    /** A fraction of a second with a non-zero digit after the sixth. */
    static boolean finerThanMicros(String s) {
        int t = s.indexOf('T');
        int dot = t < 0 ? -1 : s.indexOf('.', t);
        if (dot < 0) {
            return false;
        }
        for (int i = dot + 1, digit = 1; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++, digit++) {
            if (digit > 6 && s.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ss[.ffffff]Z} (years 1970-9999) without
     * java.time's formatter, which is a tenth of the cost of a play otherwise; Long.MIN_VALUE for
     * anything else (then {@link #isoMicros} parses it, or rejects it). Same value as
     * {@code Times.micros(Instant.parse(s))}.
     */
    static long fastUtcMicros(String s) {
        int n = s.length();
        if (n < 20 || n > 27 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE; // also the -1 of a non-digit
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return Long.MIN_VALUE;
            }
            int f = digits(s, 20, n - 1);
            if (f < 0) {
                return Long.MIN_VALUE;
            }
            nanos = f;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int monthLength = switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > monthLength) {
            return Long.MIN_VALUE;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        return epochSecond * 1_000_000L + nanos / 1_000;
    }

    /** The decimal number in s[from, to), or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static BadRecord wrongType(JsonParser jp, String name, String expected) throws IOException {
        JsonToken t = jp.currentToken();
        String got = switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> String.valueOf(t);
        };
        return new BadRecord(name + " must be " + expected + ", got " + got);
    }

    private static BadRecord malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at char " + e.getLocation().getCharOffset();
        return new BadRecord("malformed JSON" + where + ": " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    // ---- writers: the message formats, for producers, tests and the benchmark ----

    public static byte[] toJson(Play p) {
        return write(g -> {
            g.writeStringField("play_id", p.playId);
            g.writeStringField("user_id", p.userId);
            g.writeStringField("track_id", p.trackId);
            time(g, "played_at", p.playedAt);
            if (p.msPlayed == Nulls.INT) {
                g.writeNullField("ms_played");
            } else {
                g.writeNumberField("ms_played", p.msPlayed);
            }
            g.writeStringField("country", p.country);
            g.writeStringField("product", p.product);
        });
    }

    public static byte[] toJson(Usage u) {
        return write(g -> {
            g.writeStringField("usage_id", u.usageId);
            g.writeStringField("licensee_id", u.licenseeId);
            g.writeStringField("model_id", u.modelId);
            g.writeStringField("track_id", u.trackId);
            g.writeStringField("scope", u.scope);
            time(g, "used_at", u.usedAt);
            if (u.units == Nulls.LONG) {
                g.writeNullField("units");
            } else {
                g.writeNumberField("units", u.units);
            }
        });
    }

    public static byte[] toJson(Verdict v) {
        return write(g -> {
            g.writeStringField("verdict_id", v.verdictId());
            g.writeStringField("subject_type", v.subjectType());
            g.writeStringField("subject_id", v.subjectId());
            time(g, "valid_from", v.validFrom());
            time(g, "valid_to", v.validTo());
            g.writeStringField("decision", v.decision());
            time(g, "decided_at", v.decidedAt());
        });
    }

    static byte[] quarantine(Quarantined q) {
        return write(g -> {
            g.writeStringField("source_table", q.sourceTable);
            g.writeStringField("record", q.record);
            g.writeStringField("reason", q.reason);
            g.writeStringField("origin", q.origin);
            if (q.kafkaTimestamp >= 0) {
                g.writeStringField("received_at", Instant.ofEpochMilli(q.kafkaTimestamp).toString());
            }
        });
    }

    private static void time(JsonGenerator g, String name, long micros) throws IOException {
        if (micros == Times.NULL) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Times.iso(micros));
        }
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
