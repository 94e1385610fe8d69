-- The statement catalogue of the Orleans ADO.NET providers (clustering, grain storage, reminders).
--
-- The providers ship no PostgreSQL schema and send no SQL of their own: when a silo starts, each
-- provider runs "SELECT QueryKey, QueryText FROM OrleansQuery", keeps the rows it needs by key and
-- from then on executes those texts with its own named parameters (@DeploymentId, @GrainIdHash, ...),
-- reading the results by column name. Migrations 0002-0004 fill this table for Orleans 10.4.
--
-- What is fixed by the providers: this table's name and columns, the query keys, the parameter
-- names, the result column names and types, and the meaning of versions (etags). What is ours:
-- how the data behind the statements is stored, so those tables use our snake_case names and the
-- statements alias columns back to the names Orleans reads. Unquoted aliases fold to lower case;
-- Npgsql matches column names case-insensitively, so "AS NewGrainStateVersion" still reaches Orleans.
--
-- Statements are stored with ON CONFLICT ... DO UPDATE so that re-running a script repairs the catalogue.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);
