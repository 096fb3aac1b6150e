// A target's status (未检查 / 已检查无问题 / 发现问题 / 整改中 / 已整改), computed from its latest
// result that is not voided and from the 责令改正 record that result opened. Computed in SQL
// every time, so a 复查 saved in the dossier shows in the campaign at once.
import type { TargetStatus } from '../../../shared/campaign';

/**
 * A CTE named `target_status` (enterprise_id, status, visits, last_on, has_problem,
 * rectification_id) over one campaign's results; bind the campaign id once for `?`.
 * Targets without a row in it are 未检查.
 */
export const TARGET_STATUS_CTE = `
  latest_result AS (
    -- One pass over the campaign's results in (enterprise, date) index order. With a single max()
    -- SQLite takes the other columns from the row holding the maximum: the latest visit by date,
    -- then by id for two visits on one day.
    SELECT enterprise_id, max(inspected_on || printf('%012d', id)) AS latest_key, has_problem, rectification_id, inspected_on,
           count(*) AS visits
    FROM campaign_results WHERE campaign_id = ? AND voided = 0 GROUP BY enterprise_id
  ),
  target_status AS (
    SELECT l.enterprise_id, l.visits, l.inspected_on AS last_on, l.has_problem, l.rectification_id,
      CASE
        WHEN l.has_problem = 0 THEN '已检查无问题'
        WHEN d.id IS NULL OR d.voided_at IS NOT NULL THEN '发现问题'
        WHEN json_extract(d.data, '$.outcome') = '已整改' THEN '已整改'
        ELSE '整改中'
      END AS status
    FROM latest_result l LEFT JOIN dossier_records d ON d.id = l.rectification_id
  )`;

/** The status of a target with no result row. */
export const NOT_INSPECTED: TargetStatus = '未检查';
