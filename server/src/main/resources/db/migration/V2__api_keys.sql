-- API keys and the shared state of their rate limits. Plain SQL that runs unchanged on H2 and
-- PostgreSQL.
--
-- A key is stored only as its SHA-256 digest (key_hash, 64 hex characters): the secret itself is
-- shown once, when it is created, and never again. Keys are 256 random bits, so a fast hash is
-- enough (see keys/ApiKeySecrets). prefix is the key's non-secret start (mode and four characters,
-- e.g. clk_test_a1B2): what operators see, and how a presented key finds its few candidate rows,
-- whose digests are then compared in constant time.
--
-- scopes is a comma-separated list (appointments:read,appointments:write); plan names a plan under
-- clinikapi.plans in the configuration. last_used_at is written at most once a minute per key and
-- instance, off the request path. A key is usable while revoked_at is null and expires_at is null
-- or in the future.
CREATE TABLE api_key (
    id           VARCHAR(40)              NOT NULL,
    key_hash     VARCHAR(64)              NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    tenant_id    VARCHAR(64)              NOT NULL,
    mode         VARCHAR(8)               NOT NULL,
    scopes       VARCHAR(200)             NOT NULL,
    plan         VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key PRIMARY KEY (id),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_key_mode CHECK (mode IN ('live', 'test'))
);

CREATE INDEX ix_api_key_prefix ON api_key (prefix);
CREATE INDEX ix_api_key_tenant ON api_key (tenant_id, created_at);

-- Token buckets of the rate limiter, one row per key and plan, shared by every instance (Bucket4j's
-- PostgreSQL integration: SELECT … FOR UPDATE on the row, then UPDATE). state is Bucket4j's own
-- serialization; expires_at (epoch milliseconds) lets a periodic job delete buckets that have
-- refilled and gone idle. The embedded single-instance H2 default keeps its buckets in memory and
-- leaves this table empty.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(128) NOT NULL,
    state      BYTEA,
    expires_at BIGINT,
    CONSTRAINT pk_rate_limit_bucket PRIMARY KEY (id)
);

CREATE INDEX ix_rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
