-- audit module (issue 12, finding 4): the log's private key moves to a key file outside the database
-- (lawtrace.audit.key-file); the application erases the column's value once it has written the file, so whoever can
-- edit this database can no longer sign. The public key stays here and in every anchor.
alter table audit_signing_key alter column private_key drop not null;
