-- Invitations looked up by address: sending one (is there already a usable invitation for
-- it?), adding a member directly (close their open invitations) and `GET /users?email=`. The
-- index on (org_uuid, closed_at, created_at) alone left each lookup scanning every open
-- invitation of the organization, which made a bulk `POST /users-invite` quadratic.
CREATE INDEX IF NOT EXISTS invitations_by_email
    ON invitations(org_uuid, email_key, closed_at, created_at);
