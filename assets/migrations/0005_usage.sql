-- Usage and cost: one row per day, workspace, category, model, billing group, zone and tier,
-- holding a quantity (tokens, pages, seconds, characters, calls). Costs are the quantity times
-- the unit price the server lists in `GET /usage`'s `prices`, so they are never stored twice.
-- Seeding fills months of history; every call with a workspace key to `GET /v1/models` adds
-- to today's row of the key's workspace.

CREATE TABLE usage_records (
    org_uuid       TEXT NOT NULL REFERENCES organizations(uuid),
    day            TEXT NOT NULL,
    workspace_uuid TEXT NOT NULL,
    -- completion, chat, ocr, connectors, audio, audio_characters, libraries_api.pages,
    -- libraries_api.tokens, libraries_api.audio_seconds, fine_tuning.training
    category       TEXT NOT NULL,
    model          TEXT NOT NULL,
    billing_group  TEXT NOT NULL,
    api_zone       TEXT NOT NULL,
    service_tier   TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    PRIMARY KEY (org_uuid, day, workspace_uuid, category, model, billing_group, api_zone, service_tier)
) WITHOUT ROWID;
