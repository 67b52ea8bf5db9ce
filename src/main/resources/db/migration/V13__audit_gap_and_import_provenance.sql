-- An event appended after a break in the chain (events removed by someone with database rights)
-- links to the newest event present and records its number here; null for every ordinary event.
alter table audit_event add column after_gap bigint;
