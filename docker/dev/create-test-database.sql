-- Runs once, when the dev Postgres volume is created: the database the test suites use by default
-- (TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).
CREATE DATABASE test;
