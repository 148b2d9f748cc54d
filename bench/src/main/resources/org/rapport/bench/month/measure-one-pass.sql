-- The same figures from one pass over the month's calls: every call KPI summed by customer and channel (rolled
-- up to overall, segment, value band and channel from that small summary), and the seconds-to-a-human
-- histogram that gives every slice's P90 exactly.

-- one pass: every call KPI by customer and channel
select c.customer_ref, c.channel, count(*), sum(case when c.outcome='ABANDONED_IN_IVR' then 1 else 0 end), sum(case when c.outcome='ANSWERED' and c.wanted_agent then 1 else 0 end), sum(case when c.outcome='ANSWERED' and c.wanted_agent then c.ivr_seconds + c.queue_seconds else 0 end), sum(case when c.outcome='ANSWERED' and c.wanted_agent and c.ivr_seconds + c.queue_seconds > 570 then 1 else 0 end), sum(case when c.outcome='ANSWERED' then c.queue_seconds else 0 end), sum(case when c.outcome in ('ANSWERED','ABANDONED_IN_QUEUE') then 1 else 0 end), sum(case when c.outcome='ANSWERED' and c.queue_seconds <= 20 then 1 else 0 end), sum(case when c.outcome='ABANDONED_IN_QUEUE' then 1 else 0 end), sum(case when c.transfers > 0 then 1 else 0 end), sum(case when c.transfers > 0 and c.times_reidentified > 0 then 1 else 0 end) from call_record c where c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00' group by c.customer_ref, c.channel

-- one pass summary joined to customers, by segment
select k.segment, sum(s.n), sum(s.ivr) from (select c.customer_ref, count(*) n, sum(case when c.outcome='ABANDONED_IN_IVR' then 1 else 0 end) ivr from call_record c where c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00' group by c.customer_ref) s join customer k on k.external_id = s.customer_ref group by k.segment

-- histogram for P90: seconds to a human by customer band and channel
select k.value_band, c.channel, c.ivr_seconds + c.queue_seconds, count(*) from call_record c left join customer k on k.external_id = c.customer_ref where c.outcome='ANSWERED' and c.wanted_agent and c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00' group by k.value_band, c.channel, c.ivr_seconds + c.queue_seconds
