package dev.royalties.jobs.report;

/** HTML escaping: every value that comes from the data (artist ids too) goes through here. */
final class Html {
    private Html() {}

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The shared look of the statement and the run report: inline, nothing fetched at view time. */
    static final String STYLE = String.join("\n",
            "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1d2430;margin:24px 32px;",
            "  background:#fff;font-size:14px}",
            "h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #d8dde6;",
            "  padding-bottom:4px}",
            ".meta{color:#5a6472;margin-bottom:12px}",
            "table{border-collapse:collapse;margin:4px 0 8px}",
            "th,td{padding:3px 10px;border-bottom:1px solid #eef0f4;text-align:left;white-space:nowrap}",
            "th{background:#f4f6f9;font-weight:600;font-size:12px;color:#3b4552}",
            "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
            "tr.total td{font-weight:600;border-top:1px solid #9aa3af}",
            ".kpis{display:flex;gap:16px;flex-wrap:wrap;margin:8px 0}",
            ".kpi{border:1px solid #d8dde6;border-radius:6px;padding:8px 14px;min-width:150px}",
            ".kpi b{display:block;font-size:18px}.kpi span{color:#5a6472;font-size:12px}",
            ".note{color:#5a6472;font-size:12px;max-width:900px}",
            ".legend span{display:inline-block;margin-right:14px;font-size:12px}",
            ".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}");
}
