-- What changed between a revision and the complete revision before it, and why: every
-- adjustment (a payment that changed, spec §9) next to how its pool's counts moved between the
-- two revisions. `why` names the counts that moved: more fraud found (or cleared on appeal),
-- consent recorded or revoked (violation units), catalogue fixes (unmatched), and so on.
-- Revision 'latest' is the latest complete one; the comparison is with the latest complete
-- revision before it, as the adjustments themselves.
--
-- @param period
-- @param revision latest

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
),
pair AS (
  SELECT ch.`period`, ch.revision, MAX(c.revision) AS previous_revision
  FROM chosen ch
  JOIN complete_revisions c ON c.`period` = ch.`period` AND c.revision < ch.revision
  WHERE EXISTS (SELECT 1 FROM complete_revisions k WHERE k.`period` = ch.`period` AND k.revision = ch.revision)
  GROUP BY ch.`period`, ch.revision
),
pools AS (
  SELECT pr.`period`, n.source, n.country, n.product, n.licensee_id, n.currency,
         n.pool_amount - o.pool_amount AS d_pool_amount,
         n.eligible_units - o.eligible_units AS d_eligible,
         n.unmatched_units - o.unmatched_units AS d_unmatched,
         n.fraud_units - o.fraud_units AS d_fraud,
         n.ai_generated_units - o.ai_generated_units AS d_ai_generated,
         n.short_units - o.short_units AS d_short,
         n.capped_units - o.capped_units AS d_capped,
         n.violation_units - o.violation_units AS d_violation
  FROM pair pr
  JOIN pool_reconciliation n ON n.`period` = pr.`period` AND n.revision = pr.revision
  JOIN pool_reconciliation o ON o.`period` = pr.`period` AND o.revision = pr.previous_revision
   AND o.source = n.source AND COALESCE(o.country, '') = COALESCE(n.country, '')
   AND COALESCE(o.product, '') = COALESCE(n.product, '')
   AND COALESCE(o.licensee_id, '') = COALESCE(n.licensee_id, '') AND o.currency = n.currency
)
SELECT a.artist_id, a.source, a.country, a.product, a.licensee_id, a.currency,
       pr.previous_revision, pr.revision, a.previous_amount, a.amount, a.delta,
       pl.d_eligible, pl.d_unmatched, pl.d_fraud, pl.d_ai_generated, pl.d_short, pl.d_capped, pl.d_violation,
       CONCAT_WS(', ',
         CASE WHEN pl.source IS NULL THEN 'pool not in both revisions' END,
         CASE WHEN pl.d_pool_amount <> 0 THEN 'pool amount changed' END,
         CASE WHEN pl.d_fraud > 0 THEN 'more fraud found'
              WHEN pl.d_fraud < 0 THEN 'fraud cleared' END,
         CASE WHEN pl.d_violation > 0 THEN 'consent revoked or missing'
              WHEN pl.d_violation < 0 THEN 'consent recorded' END,
         CASE WHEN pl.d_unmatched <> 0 THEN 'catalogue changed' END,
         CASE WHEN pl.d_ai_generated <> 0 THEN 'AI content flags changed' END,
         CASE WHEN pl.d_short <> 0 OR pl.d_capped <> 0 THEN 'short or capped plays changed' END,
         CASE WHEN pl.d_eligible <> 0 AND pl.d_fraud = 0 AND pl.d_violation = 0 AND pl.d_unmatched = 0
                   AND pl.d_ai_generated = 0 AND pl.d_short = 0 AND pl.d_capped = 0
              THEN 'eligible units changed' END,
         CASE WHEN pl.source IS NOT NULL AND pl.d_pool_amount = 0 AND pl.d_eligible = 0 AND pl.d_unmatched = 0
                   AND pl.d_fraud = 0 AND pl.d_ai_generated = 0 AND pl.d_short = 0 AND pl.d_capped = 0
                   AND pl.d_violation = 0
              THEN 'weights moved within the pool' END
       ) AS why
FROM adjustments a
JOIN pair pr ON a.`period` = pr.`period` AND a.revision = pr.revision
LEFT JOIN pools pl
  ON pl.`period` = a.`period` AND pl.source = a.source AND COALESCE(pl.country, '') = COALESCE(a.country, '')
 AND COALESCE(pl.product, '') = COALESCE(a.product, '')
 AND COALESCE(pl.licensee_id, '') = COALESCE(a.licensee_id, '') AND pl.currency = a.currency
ORDER BY a.artist_id, a.source, a.country, a.product, a.licensee_id, a.currency;
