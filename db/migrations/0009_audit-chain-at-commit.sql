CREATE SEQUENCE "public"."audit_pending_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET DEFAULT -nextval('audit_pending_seq');--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" SET DEFAULT 'pending:' || gen_random_uuid();--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "content_digest" text;--> statement-breakpoint
-- The chain is linked at COMMIT, by the database, instead of by the writer in the middle of its
-- transaction. A writer inserts its events with a negative placeholder seq and the sha256 of their
-- content (without seq); this deferred trigger, fired at commit, takes the chain lock, reads the
-- head and gives each event its seq, prev_hash and hash. The lock is then held only from the
-- commit's start to its end: no round trip to the application happens while other writers wait.
-- hash = sha256(prev_hash || ':' || seq || ':' || content_digest), as chainHash in
-- app/domain/audit/audit-chain.ts computes it to verify.
CREATE FUNCTION audit_events_chain_at_commit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	head_seq bigint;
	head_hash text;
	next_seq bigint;
BEGIN
	-- Above read committed the head below would be read from a snapshot older than the lock.
	IF current_setting('transaction_isolation') <> 'read committed' THEN
		RAISE EXCEPTION 'audit events need a read committed transaction, not %',
			current_setting('transaction_isolation');
	END IF;
	IF NEW.content_digest IS NULL THEN
		RAISE EXCEPTION 'audit event % has no content_digest', NEW.seq;
	END IF;
	-- 0x6175646974: "audit" in ASCII, the key the application used for the same lock.
	PERFORM pg_advisory_xact_lock(418581342580);
	SELECT seq, hash INTO head_seq, head_hash FROM audit_events WHERE seq > 0 ORDER BY seq DESC LIMIT 1;
	next_seq := coalesce(head_seq, 0) + 1;
	head_hash := coalesce(head_hash, repeat('0', 64));
	UPDATE audit_events
	SET seq = next_seq,
		prev_hash = head_hash,
		hash = encode(sha256(convert_to(head_hash || ':' || next_seq::text || ':' || NEW.content_digest, 'UTF8')), 'hex')
	WHERE seq = NEW.seq;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_chain
	AFTER INSERT ON audit_events
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (NEW.seq < 0)
	EXECUTE FUNCTION audit_events_chain_at_commit();
--> statement-breakpoint
-- Still append-only: the one update allowed is the chaining above, which gives a pending event
-- (negative seq) its place and hashes and changes nothing else.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- Nested, not AND-ed: OLD and NEW mean nothing to a TRUNCATE or a DELETE.
	IF TG_OP = 'UPDATE' THEN
		IF OLD.seq < 0 AND NEW.seq > 0
		AND (NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.action, NEW.entity_type, NEW.entity_id,
			NEW.supplier_id, NEW.before, NEW.after, NEW.content_digest)
		IS NOT DISTINCT FROM (OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.action, OLD.entity_type,
			OLD.entity_id, OLD.supplier_id, OLD.before, OLD.after, OLD.content_digest)
		THEN
			RETURN NEW;
		END IF;
	END IF;
	RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
