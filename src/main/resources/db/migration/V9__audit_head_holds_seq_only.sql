-- Writers now read the previous hash from the previous event; the head keeps only the sequence number.
alter table audit_chain_head drop column hash;
