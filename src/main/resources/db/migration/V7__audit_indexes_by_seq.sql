-- The audit view lists newest first (by seq): filters use indexes that end in seq, so the first page
-- of a filtered log of a million events is read from the index instead of sorted.
drop index ix_audit_event_actor;
drop index ix_audit_event_action;
drop index ix_audit_event_entity;
drop index ix_audit_event_source;
create index ix_audit_event_actor on audit_event (actor, seq);
create index ix_audit_event_action on audit_event (action, seq);
create index ix_audit_event_entity on audit_event (entity_type, entity_id, seq);
create index ix_audit_event_source on audit_event (source_id, seq);
