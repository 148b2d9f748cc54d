-- The call measures as MomentsOfTruthMeasures and ContactCentreMeasures issue them today (SQL as Hibernate
-- renders their JPQL, by hand): one pass over the month's calls per KPI and per slice, about 40 a month.

-- ivr overall
select count(*), sum(case when outcome='ABANDONED_IN_IVR' then 1 else 0 end) from call_record c where c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00'

-- ivr by segment
select k.segment, count(*), sum(case when c.outcome='ABANDONED_IN_IVR' then 1 else 0 end) from call_record c join customer k on k.external_id = c.customer_ref where (c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00') and k.segment is not null group by k.segment order by k.segment

-- ivr by channel
select c.channel, count(*), sum(case when c.outcome='ABANDONED_IN_IVR' then 1 else 0 end) from call_record c where (c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00') and c.channel is not null group by c.channel order by c.channel

-- p90 by value band
select k.value_band, percentile_cont(0.9) within group (order by c.ivr_seconds + c.queue_seconds) from call_record c join customer k on k.external_id = c.customer_ref where (c.outcome = 'ANSWERED' and c.wanted_agent = true and c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00') and k.value_band is not null group by k.value_band order by k.value_band

-- repeat contacts overall
select count(*), sum(case when exists (select 1 from call_record n where n.customer_ref = c.customer_ref and n.id <> c.id and n.started_at > c.started_at and n.started_at <= c.started_at + interval '7' day) then 1 else 0 end) from call_record c where c.customer_ref is not null and c.started_at >= timestamp '2026-10-01 00:00:00' and c.started_at < timestamp '2026-11-01 00:00:00'
