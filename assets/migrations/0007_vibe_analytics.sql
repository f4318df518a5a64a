-- Vibe analytics. Vibe Work (the assistant and its agents): one row per user, agent and hour
-- with activity; `agent_id` is '' for messages to the assistant itself. Vibe Code: one row per
-- user, workspace, client and day. Times are Unix seconds (UTC) of the hour or day start.

CREATE TABLE vibe_work_activity (
    org_uuid        TEXT NOT NULL REFERENCES organizations(uuid),
    hour            INTEGER NOT NULL,
    user_uuid       TEXT NOT NULL,
    agent_id        TEXT NOT NULL,
    messages        INTEGER NOT NULL,
    files           INTEGER NOT NULL,
    images          INTEGER NOT NULL,
    spreadsheets    INTEGER NOT NULL,
    -- Conversations started in this hour; a conversation belongs to one row.
    conversations   INTEGER NOT NULL,
    last_message_at INTEGER NOT NULL,
    PRIMARY KEY (org_uuid, hour, user_uuid, agent_id)
) WITHOUT ROWID;

CREATE TABLE vibe_code_activity (
    org_uuid              TEXT NOT NULL REFERENCES organizations(uuid),
    day                   INTEGER NOT NULL,
    workspace_uuid        TEXT NOT NULL,
    user_uuid             TEXT NOT NULL,
    -- cli, acp or programmatic
    client                TEXT NOT NULL,
    model                 TEXT NOT NULL,
    sessions              INTEGER NOT NULL,
    prompts               INTEGER NOT NULL,
    session_seconds       INTEGER NOT NULL,
    input_tokens          INTEGER NOT NULL,
    output_tokens         INTEGER NOT NULL,
    cached_tokens         INTEGER NOT NULL,
    tool_calls            INTEGER NOT NULL,
    tool_failures         INTEGER NOT NULL,
    tool_skipped          INTEGER NOT NULL,
    approvals_ask         INTEGER NOT NULL,
    approvals_never       INTEGER NOT NULL,
    next_edit_suggestions INTEGER NOT NULL,
    next_edit_accepted    INTEGER NOT NULL,
    next_edit_rejected    INTEGER NOT NULL,
    lines_inserted        INTEGER NOT NULL,
    lines_deleted         INTEGER NOT NULL,
    lines_unchanged       INTEGER NOT NULL,
    PRIMARY KEY (org_uuid, day, workspace_uuid, user_uuid, client)
) WITHOUT ROWID;
