-- SQLite's version 2 rewrote its text timestamps; PostgreSQL's are typed already. Kept so both dialects number alike.
SELECT 1;
