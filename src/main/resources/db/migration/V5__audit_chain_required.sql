-- After V4 has chained every existing event: every event has its place and hashes.
alter table audit_event alter column seq set not null;
alter table audit_event alter column prev_hash set not null;
alter table audit_event alter column hash set not null;
alter table audit_event add constraint uk_audit_event_seq unique (seq);
