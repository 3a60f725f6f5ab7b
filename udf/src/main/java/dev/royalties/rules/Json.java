package dev.royalties.rules;

/** A tiny JSON object writer, so that the rules module needs no JSON library. */
final class Json {
    private final StringBuilder sb = new StringBuilder("{");

    Json field(String name, String value) {
        name(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json time(String name, long micros) {
        return field(name, Times.iso(micros));
    }

    Json integer(String name, int value) {
        name(name);
        sb.append(value == Nulls.INT ? "null" : Integer.toString(value));
        return this;
    }

    Json longInteger(String name, long value) {
        name(name);
        sb.append(value == Nulls.LONG ? "null" : Long.toString(value));
        return this;
    }

    private void name(String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        quote(name);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
