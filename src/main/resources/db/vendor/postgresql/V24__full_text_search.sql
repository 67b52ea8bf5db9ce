-- Corpus search on PostgreSQL (issue 16, search.PostgresSearchEngine): PostgreSQL's own full-text search,
-- kept current by the database itself. Each searchable row carries a stored generated tsvector column,
-- computed in the writing transaction, so a committed write is found at once by every node; a GIN index
-- over each column answers the @@ matches. Config 'english': Snowball English stems, English stop words
-- (https://www.postgresql.org/docs/15/textsearch.html).

-- A tsvector may hold at most 1 MB (PostgreSQL raises program_limit_exceeded beyond it); a very long text
-- of mostly distinct words could reach it. Rather than refuse the write, index as much of the text as fits:
-- the first half, and so on. (Positions beyond 16,383 are stored as 16,383 by PostgreSQL: phrases far into
-- a long text may match loosely; the engine locates the words in the text itself afterwards.)
create function source_search_vector(title text, publisher text, author text, url text, body text)
    returns tsvector language plpgsql immutable parallel safe as $$
begin
    return setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(publisher, '') || ' ' || coalesce(author, '') || ' '
            -- URLs as plain words ("www.example.org/news/leak" is www example org news leak), so that a word
            -- of a URL finds it: the default parser would keep a host or a path as one token
            || regexp_replace(coalesce(url, ''), '[^[:alnum:]]+', ' ', 'g')), 'B')
        || to_tsvector('english'::regconfig, coalesce(body, ''));
exception when program_limit_exceeded then
    return source_search_vector(title, publisher, author, url, left(body, length(body) / 2));
end
$$;

-- An annotation: its covered text (weight A), its label (B), the values of its attributes and its note (C).
-- Attributes are a JSON object as text: only the values are indexed, not the names.
create function annotation_search_vector(covered text, label text, attributes text, note text)
    returns tsvector language plpgsql immutable parallel safe as $$
declare
    values_vector tsvector;
begin
    begin
        values_vector := jsonb_to_tsvector('english'::regconfig, coalesce(attributes, '{}')::jsonb, '["string"]');
    exception when invalid_text_representation then
        values_vector := to_tsvector('english'::regconfig, coalesce(attributes, ''));
    end;
    return setweight(to_tsvector('english'::regconfig, coalesce(covered, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(label, '')), 'B')
        || setweight(values_vector, 'C')
        || setweight(to_tsvector('english'::regconfig, coalesce(note, '')), 'C');
exception when program_limit_exceeded then
    return annotation_search_vector(left(covered, length(covered) / 2), label, attributes, note);
end
$$;

alter table source add column search_vector tsvector
    generated always as (source_search_vector(title, publisher, author, url, text_content)) stored;
alter table annotation add column search_vector tsvector
    generated always as (annotation_search_vector(covered_text, label, attributes, note)) stored;

create index ix_source_search on source using gin (search_vector);
create index ix_annotation_search on annotation using gin (search_vector);
