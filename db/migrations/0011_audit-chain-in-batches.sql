-- The chain is linked in batches after commit instead of inside every commit. Linking at commit
-- held the chain lock across the commit's WAL flush, so audited transactions committed one at a
-- time (no group commit). Now a writer only inserts its events as pending (negative seq, the
-- sha256 of their content); chain_audit_events() — called by the chaining job every second and
-- by every reader of the chain before it reads — takes the chain lock, reads the head and gives
-- the committed pending events, in the order they were inserted, their seq, prev_hash and hash.
-- hash = sha256(prev_hash || ':' || seq || ':' || content_digest), as chainHash in
-- app/domain/audit/audit-chain.ts computes it to verify. The refuse-change trigger still allows
-- no update but that one.
DROP TRIGGER audit_events_chain ON audit_events;--> statement-breakpoint
DROP FUNCTION audit_events_chain_at_commit();--> statement-breakpoint
-- A pending event must carry its content digest: without it, it could never be chained.
ALTER TABLE audit_events ADD CONSTRAINT audit_events_pending_digest_ck
	CHECK (seq > 0 OR content_digest IS NOT NULL);--> statement-breakpoint
CREATE FUNCTION chain_audit_events(max_events integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	head_seq bigint;
	head_hash text;
	prev text;
	pending record;
	linked integer := 0;
BEGIN
	-- Above read committed the statements below would read from a snapshot older than the lock.
	IF current_setting('transaction_isolation') <> 'read committed' THEN
		RAISE EXCEPTION 'chaining audit events needs a read committed transaction, not %',
			current_setting('transaction_isolation');
	END IF;
	-- 0x6175646974: "audit" in ASCII, the key the chain has always been linked under.
	PERFORM pg_advisory_xact_lock(418581342580);
	SELECT seq, hash INTO head_seq, head_hash FROM audit_events WHERE seq > 0 ORDER BY seq DESC LIMIT 1;
	head_seq := coalesce(head_seq, 0);
	head_hash := coalesce(head_hash, repeat('0', 64));
	-- Placeholders count down from -1 in insertion order, so the nearest to zero came first.
	FOR pending IN
		SELECT seq, content_digest FROM audit_events WHERE seq < 0 ORDER BY seq DESC LIMIT max_events
	LOOP
		prev := head_hash;
		head_seq := head_seq + 1;
		head_hash := encode(sha256(convert_to(prev || ':' || head_seq::text || ':' || pending.content_digest, 'UTF8')), 'hex');
		UPDATE audit_events SET seq = head_seq, prev_hash = prev, hash = head_hash WHERE seq = pending.seq;
		linked := linked + 1;
	END LOOP;
	RETURN linked;
END;
$$;
