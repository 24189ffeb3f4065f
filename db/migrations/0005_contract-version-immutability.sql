-- A proposed contract version is a record of what one side offered: its terms and
-- its content never change afterwards. Only its response (accepted, countered,
-- withdrawn, superseded) may be recorded. The database enforces this, not just the app.
CREATE FUNCTION contract_terms_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	version_id uuid;
	version_status contract_version_status;
BEGIN
	IF TG_OP = 'INSERT' THEN version_id := NEW.contract_version_id; ELSE version_id := OLD.contract_version_id; END IF;
	SELECT status INTO version_status FROM contract_versions WHERE id = version_id;
	IF version_status IS DISTINCT FROM 'draft' THEN
		RAISE EXCEPTION 'terms of contract version % are immutable once proposed', version_id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contract_terms_immutable_after_proposal
	BEFORE INSERT OR UPDATE OR DELETE ON contract_terms
	FOR EACH ROW EXECUTE FUNCTION contract_terms_refuse_change();
--> statement-breakpoint
CREATE FUNCTION contract_versions_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF OLD.status <> 'draft' THEN
			RAISE EXCEPTION 'contract version % was proposed and cannot be deleted', OLD.id
				USING ERRCODE = 'insufficient_privilege';
		END IF;
		RETURN OLD;
	END IF;
	IF OLD.status = 'draft' THEN RETURN NEW; END IF;
	IF NEW.contract_id <> OLD.contract_id OR NEW.number <> OLD.number OR NEW.proposed_by <> OLD.proposed_by
		OR NEW.note <> OLD.note OR NEW.proposed_at IS DISTINCT FROM OLD.proposed_at
		OR NEW.proposed_by_user_id IS DISTINCT FROM OLD.proposed_by_user_id THEN
		RAISE EXCEPTION 'contract version % is immutable once proposed', OLD.id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NEW.status <> OLD.status AND NOT (
		(OLD.status = 'proposed' AND NEW.status IN ('accepted', 'countered', 'withdrawn', 'superseded'))
		OR (OLD.status = 'accepted' AND NEW.status = 'superseded')
	) THEN
		RAISE EXCEPTION 'contract version % cannot go from % to %', OLD.id, OLD.status, NEW.status
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contract_versions_immutable_after_proposal
	BEFORE UPDATE OR DELETE ON contract_versions
	FOR EACH ROW EXECUTE FUNCTION contract_versions_refuse_change();
