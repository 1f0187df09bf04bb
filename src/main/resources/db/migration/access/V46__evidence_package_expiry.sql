-- access module: an evidence package carries an expiry (ART-19, ART-20): by default the earliest end of the grants
-- that opened its records to its maker; after it, and whenever the maker no longer holds a live grant covering every
-- record in it, the package is not handed out. Packages made before this have none and rest on the grants alone.
alter table evidence_package add column expires_at timestamp with time zone;
