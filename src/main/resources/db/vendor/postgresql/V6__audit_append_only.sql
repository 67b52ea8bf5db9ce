-- The database refuses to change or remove audit events.
create or replace function audit_event_append_only() returns trigger as $$
begin
    raise exception 'audit events are append-only: % refused', tg_op;
end;
$$ language plpgsql;

create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
