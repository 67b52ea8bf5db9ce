-- After every migration (Flyway callback): the workbench's runtime role gets exactly the rights it needs,
-- and no way to lift the audit trail's guard. Migrations run as the owner (spring.flyway.user); the
-- application connects as the runtime role (spring.datasource.username), named here by the placeholder
-- runtime_role (default: spring.datasource.username). When both are the same role there is nothing to do,
-- and the workbench's start-up check reports that its role owns the audit trail (docs/operations.md,
-- "Two database roles").
do $$
declare
    runtime text := '${runtime_role}';
    here text := current_schema();
begin
    if runtime = '' or runtime = current_user then
        return;
    end if;
    if not exists (select from pg_roles where rolname = runtime) then
        raise exception 'The runtime role "%" (spring.flyway.placeholders.runtime_role) does not exist: create it first, see docs/operations.md, "Two database roles".', runtime;
    end if;
    execute format('grant usage on schema %I to %I', here, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', here, runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', here, runtime);
    -- The audit trail and its checkpoints: read and append, nothing else.
    execute format('revoke update, delete, truncate, references, trigger on audit_event, audit_checkpoint from %I',
        runtime);
    if to_regclass('flyway_schema_history') is not null then
        execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', runtime);
    end if;
end
$$;
