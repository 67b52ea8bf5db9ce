-- The database refuses to change or remove audit events (H2: a Java trigger).
create trigger audit_event_append_only before update, delete on audit_event
    for each row call "org.corroborate.audit.AppendOnlyTrigger";
