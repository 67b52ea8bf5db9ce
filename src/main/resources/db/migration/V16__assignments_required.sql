-- A project may require assignments: then a reviewer annotates, judges and submits only the sources
-- assigned to them (supervisors are never refused). Off for every existing project.
alter table project add column assignments_required boolean default false not null;
