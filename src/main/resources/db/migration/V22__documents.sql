-- Documents (issue 18): a source may come from a PDF, DOCX, ODT, RTF, EML or HTML file. The file's
-- bytes are kept once, content-addressed by their SHA-256 (two sources from one file share the row),
-- beside the extracted text, whose SHA-256 stays in source.sha256: provenance runs from the original
-- bytes to the text to the spans. page_starts is a JSON array of the code point offsets where each
-- page begins in the text (paged formats only); document_metadata a JSON object of what the file
-- held (title, author, dates...). BYTEA is PostgreSQL's binary type and an alias H2 accepts.

create table source_original (
    sha256      varchar(64)  not null primary key,
    media_type  varchar(200) not null,
    size_bytes  bigint       not null,
    content     bytea        not null,
    stored_at   timestamp(6) with time zone not null
);

alter table source add column original_sha256 varchar(64);
alter table source add column media_type varchar(200);
alter table source add column page_starts varchar;
alter table source add column document_metadata varchar;
alter table source add constraint fk_source_original foreign key (original_sha256) references source_original (sha256);
create index ix_source_original on source (original_sha256);

alter table source_aud add column original_sha256 varchar(64);
alter table source_aud add column media_type varchar(200);
