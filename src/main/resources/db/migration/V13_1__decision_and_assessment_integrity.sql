-- The database guards what the services check: a verdict and a decision name an annotation that
-- exists, and an annotation is in at most one decision. Annotations are deleted for real (their
-- history stays in annotation_aud and the audit trail); from now on their verdicts are deleted with
-- them by the service, audited, and an adjudicated annotation cannot be deleted at all.
--
-- Rows the new constraints would refuse are not dropped silently: they move to tables of their own,
-- each with the reason, for a supervisor to look at (docs/operations.md says how).

create table retired_assessment (
    id            bigint       not null primary key,
    annotation_id bigint       not null,
    source_id     bigint       not null,
    reviewer      varchar(64)  not null,
    verdict       varchar(16)  not null,
    comment       varchar(2000),
    created_at    timestamp(6) with time zone not null,
    modified_at   timestamp(6) with time zone not null,
    retired_at    timestamp(6) with time zone not null,
    why           varchar(200) not null
);

insert into retired_assessment (id, annotation_id, source_id, reviewer, verdict, comment, created_at, modified_at,
                                retired_at, why)
select a.id, a.annotation_id, a.source_id, a.reviewer, a.verdict, a.comment, a.created_at, a.modified_at,
       current_timestamp, 'its annotation had been deleted'
from assessment a
where not exists (select 1 from annotation n where n.id = a.annotation_id);

delete from assessment
where not exists (select 1 from annotation n where n.id = assessment.annotation_id);

create table retired_decision_annotation (
    decision_id   bigint       not null,
    annotation_id bigint       not null,
    retired_at    timestamp(6) with time zone not null,
    why           varchar(200) not null
);

insert into retired_decision_annotation (decision_id, annotation_id, retired_at, why)
select da.decision_id, da.annotation_id, current_timestamp, 'the annotation had been deleted'
from decision_annotation da
where not exists (select 1 from annotation n where n.id = da.annotation_id);

delete from decision_annotation
where not exists (select 1 from annotation n where n.id = decision_annotation.annotation_id);

insert into retired_decision_annotation (decision_id, annotation_id, retired_at, why)
select da.decision_id, da.annotation_id, current_timestamp, 'the annotation was already in an earlier decision'
from decision_annotation da
where exists (select 1 from decision_annotation e
              where e.annotation_id = da.annotation_id and e.decision_id < da.decision_id);

delete from decision_annotation
where exists (select 1 from decision_annotation e
              where e.annotation_id = decision_annotation.annotation_id
                and e.decision_id < decision_annotation.decision_id);

alter table assessment add constraint fk_assessment_annotation
    foreign key (annotation_id) references annotation (id);
alter table decision_annotation add constraint fk_decision_annotation_annotation
    foreign key (annotation_id) references annotation (id);
alter table decision_annotation add constraint uk_decision_annotation unique (annotation_id);
