-- The audit log: append-only, each entry chained to the previous one by its hash.
create table audit_entry (
    seq             bigint       primary key,
    at              timestamp with time zone not null,
    actor           varchar(300) not null,
    action          varchar(100) not null,
    subject         varchar(300) not null,
    before_state    text,
    after_state     text,
    previous_hash   char(64)     not null,
    hash            char(64)     not null
);

-- The last entry, locked by each append so that two appends never take the same place.
create table audit_head (
    id              integer      primary key,
    seq             bigint       not null,
    hash            char(64)     not null
);

insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
