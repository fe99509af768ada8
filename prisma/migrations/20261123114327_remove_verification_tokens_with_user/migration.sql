-- Deleting a user leaves nothing of theirs (DOMAIN.md). verification_tokens keeps the Auth.js shape,
-- which links a token to its user only through `identifier` (the email), not a foreign key, so the
-- cascade is done here.
CREATE OR REPLACE FUNCTION cto_delete_user_verification_tokens() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM verification_tokens WHERE identifier = OLD.email;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_delete_verification_tokens
  AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION cto_delete_user_verification_tokens();
