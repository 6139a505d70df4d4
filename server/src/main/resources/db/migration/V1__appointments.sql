-- Appointments, scoped by tenant and mode from the start. Plain SQL that runs unchanged on H2 (the
-- embedded default) and PostgreSQL (production).
--
-- Times are stored as instants (TIMESTAMP WITH TIME ZONE, microsecond precision) and answered in
-- UTC; the client's offset is not kept (see AppointmentRow).
--
-- start_key and created_key are the search sort keys, epoch microseconds (SortKeys in the contract
-- module); an appointment without a start gets the largest BIGINT so it sorts last ascending. Being
-- NOT NULL lets keyset pagination compare (key, id) pairs without NULL special cases.
--
-- version starts at 1 and grows by one on every change (optimistic concurrency; If-Match later).
--
-- Text columns hold twice the API's maxLength: the API counts characters (code points, as JSON
-- Schema does) and enforces the exact limit; H2 counts UTF-16 units, two per character outside the
-- Basic Multilingual Plane (emoji), so the column must fit the worst case.
CREATE TABLE appointment (
    id                  VARCHAR(64)              NOT NULL,
    tenant_id           VARCHAR(64)              NOT NULL,
    mode                VARCHAR(8)               NOT NULL,
    version             BIGINT                   NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    patient_id          VARCHAR(128)             NOT NULL,
    practitioner_id     VARCHAR(128),
    based_on_id         VARCHAR(128),
    start_at            TIMESTAMP WITH TIME ZONE,
    end_at              TIMESTAMP WITH TIME ZONE,
    minutes_duration    INTEGER,
    created             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    priority            INTEGER,
    appointment_type    VARCHAR(200),
    service_type        VARCHAR(400),
    service_category    VARCHAR(400),
    specialty           VARCHAR(400),
    reason_code         VARCHAR(1000),
    description         VARCHAR(4000),
    comment             VARCHAR(4000),
    patient_instruction VARCHAR(4000),
    cancelation_reason  VARCHAR(1000),
    requested_period    VARCHAR(4000),
    start_key           BIGINT                   NOT NULL,
    created_key         BIGINT                   NOT NULL,
    CONSTRAINT pk_appointment PRIMARY KEY (id),
    CONSTRAINT ck_appointment_mode CHECK (mode IN ('live', 'test')),
    CONSTRAINT ck_appointment_version CHECK (version >= 1)
);

-- One index per search filter, each ending with the sort key and id so a page is a range scan in
-- order (the default sort is start; created has its own). Reads by id use the primary key.
CREATE INDEX ix_appointment_start        ON appointment (tenant_id, mode, start_key, id);
CREATE INDEX ix_appointment_created      ON appointment (tenant_id, mode, created_key, id);
CREATE INDEX ix_appointment_patient      ON appointment (tenant_id, mode, patient_id, start_key, id);
CREATE INDEX ix_appointment_practitioner ON appointment (tenant_id, mode, practitioner_id, start_key, id);
CREATE INDEX ix_appointment_status       ON appointment (tenant_id, mode, status, start_key, id);
