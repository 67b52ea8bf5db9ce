-- An event appended after a break in the chain (events removed by someone with database rights)
-- links to the newest event present and records its number here; null for every ordinary event.
alter table audit_event add column after_gap bigint;

-- Imported work says so: who imported it, when, and from which file. The original author, reviewer
-- or supervisor and their times stay as the file gives them; these columns are null for work done
-- in this workbench.
alter table annotation add column imported_by varchar(64);
alter table annotation add column imported_at timestamp(6) with time zone;
alter table annotation add column import_file varchar(500);
alter table annotation_aud add column imported_by varchar(64);
alter table annotation_aud add column imported_at timestamp(6) with time zone;
alter table annotation_aud add column import_file varchar(500);

alter table assessment add column imported_by varchar(64);
alter table assessment add column imported_at timestamp(6) with time zone;
alter table assessment add column import_file varchar(500);
alter table assessment_aud add column imported_by varchar(64);
alter table assessment_aud add column imported_at timestamp(6) with time zone;
alter table assessment_aud add column import_file varchar(500);

alter table decision add column imported_by varchar(64);
alter table decision add column imported_at timestamp(6) with time zone;
alter table decision add column import_file varchar(500);
alter table decision_aud add column imported_by varchar(64);
alter table decision_aud add column imported_at timestamp(6) with time zone;
alter table decision_aud add column import_file varchar(500);
