package dev.royalties.jobs.live;

/**
 * One shared String per country code and product for the plays kept in accrual state: each kept
 * play then holds references, not copies (fewer objects per play for the garbage collector to
 * trace and copy, less heap). Codes outside the contract are returned as they are.
 */
final class Canonical {
    private static final String[] COUNTRIES = new String[26 * 26];
    private static final String[] PRODUCTS = {"premium", "family", "student", "free"};

    static {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                COUNTRIES[(a - 'A') * 26 + (b - 'A')] = new String(new char[] {a, b});
            }
        }
    }

    private Canonical() {}

    static String country(String c) {
        if (c != null && c.length() == 2) {
            int a = c.charAt(0) - 'A';
            int b = c.charAt(1) - 'A';
            if (a >= 0 && a < 26 && b >= 0 && b < 26) {
                return COUNTRIES[a * 26 + b];
            }
        }
        return c;
    }

    static String product(String p) {
        if (p != null) {
            for (String known : PRODUCTS) {
                if (known.equals(p)) {
                    return known;
                }
            }
        }
        return p;
    }
}
