-- The schema and seed data of /api/db/*, applied by each app once it first reaches the database (its db.Schema).
-- Idempotent, so every app's start runs it; an advisory lock (released when the script ends) keeps apps starting
-- together against one database (docker-compose) from creating the same tables at once.
SELECT pg_advisory_lock(20260201);

-- /api/db/query: rows 1..100, read in id order.
CREATE TABLE IF NOT EXISTS seed_row (id integer PRIMARY KEY, label text NOT NULL);
INSERT INTO seed_row (id, label) SELECT n, 'row ' || n FROM generate_series(1, 100) AS n ON CONFLICT (id) DO NOTHING;

-- /api/db/fortunes: TechEmpower's twelve fortunes, escaping and UTF-8 included.
CREATE TABLE IF NOT EXISTS fortune (id integer PRIMARY KEY, message varchar(2048) NOT NULL);
INSERT INTO fortune (id, message) VALUES
    (1, 'fortune: No such file or directory'),
    (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
    (3, 'After enough decimal places, nobody gives a damn.'),
    (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
    (5, 'A computer program does what you tell it to do, not what you want it to do.'),
    (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
    (7, 'Any program that runs right is obsolete.'),
    (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
    (9, 'Feature: A bug with seniority.'),
    (10, 'Computers make very fast, very accurate mistakes.'),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, 'フレームワークのベンチマーク')
ON CONFLICT (id) DO NOTHING;

-- /api/db/items: the write path.
CREATE TABLE IF NOT EXISTS item (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(100) NOT NULL,
    quantity integer NOT NULL CHECK (quantity BETWEEN 0 AND 1000000)
);

SELECT pg_advisory_unlock(20260201);
