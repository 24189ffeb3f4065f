// Every SQL statement in app/ and db/ is parameterised: values reach PostgreSQL as parameters,
// never spliced into the statement text. Drizzle's and postgres.js's tagged `sql` templates do
// that by construction; this test reads every source file (TypeScript's own parser, so comments
// and strings cannot fool it) and fails on each way around them:
//  - `sql.raw(…)` with anything but a plain literal,
//  - `.unsafe(…)` (postgres.js), `runPrepared(…)` and `.execute(…)` with statement text that is
//    not a literal or a constant holding one,
//  - any untagged template with `${…}` or `+` concatenation whose text reads as SQL.
// The few places that must build statement text (identifiers, which PostgreSQL cannot take as
// parameters) are listed in ALLOWED with the reason; an entry that no longer matches fails too.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SCANNED = ['app', 'db']

type Finding = { file: string; line: number; rule: string; code: string }
type Allowed = { file: string; code: string; reason: string }

const ALLOWED: Allowed[] = [
	{
		file: 'app/models/scorecard/read-scorecards.server.ts',
		code: 'select r.supplier_id, r.order_class_id,',
		reason:
			'listText: one statement per combination of two filters; the counter columns come from the fixed ' +
			'COUNT_KEYS and the where-clause pieces are literals with numbered placeholders ($1…$3); values go in params.',
	},
	{
		file: 'app/models/scorecard/read-scorecards.server.ts',
		code: 'runPrepared<ListRow>(db, text, params)',
		reason: 'listMonthScorecards: `text` is the statement listText builds from fixed pieces (above).',
	},
	{
		file: 'app/utils/prepared-statements.server.ts',
		code: 'insert into "${getTableName(table)}"',
		reason:
			'insertRows: table and column names come from the drizzle table definition (each key is checked ' +
			'against getTableColumns first); the rows travel as the one parameter $1.',
	},
	{
		file: 'app/utils/prepared-statements.server.ts',
		code: 'clientOf(db).unsafe(text, [JSON.stringify(rows)]',
		reason: 'insertRows: `text` is the statement insertText builds from the table definition (above).',
	},
	{
		file: 'app/utils/prepared-statements.server.ts',
		code: 'clientOf(db).unsafe(text, params',
		reason:
			'runPrepared itself: its callers are checked like `.unsafe` (the statement text must be fixed); ' +
			'values go in `params`.',
	},
	{
		file: 'app/models/order/candidates.server.ts',
		code: 'select ${policySelection.list}, oc.name',
		reason:
			'classPolicyFrom: the policy columns come from the drizzle table definition (tableSelection); ' +
			'the ids are $1…$3.',
	},
	{
		file: 'app/models/order/candidates.server.ts',
		code: '${classPolicyFrom}',
		reason: 'classPolicyText: the two fixed statements built once from classPolicyFrom (above).',
	},
	{
		file: 'app/models/order/candidates.server.ts',
		code: 'runPrepared<Record<string, unknown>>(db, classPolicyText.',
		reason: 'loadClassPolicy: one of the two classPolicyText statements (above); values go in params.',
	},
	{
		file: 'app/models/scorecard/read-scorecards.server.ts',
		code: '(r.supplier_id, r.order_class_id) in (select * from unnest($${++n}::uuid[]',
		reason: 'listText: the page-of-pairs filter, a literal with numbered placeholders; the ids go in params.',
	},
	{
		file: 'app/models/scorecard/rollups.server.ts',
		code: 'insert into ${table} (${columns.join',
		reason:
			'upsertText: the table and key column are literals at the two call sites (daily, monthly), the ' +
			'counter columns come from the fixed COUNT_KEYS and MINUTE_LIST_KEYS; the rows travel as $1.',
	},
	{
		file: 'app/models/scorecard/rollups.server.ts',
		code: 'runPrepared(tx, text, [JSON.stringify(json)])',
		reason: 'upsert: `text` is the statement upsertText builds from fixed names (above).',
	},
	{
		file: 'app/models/scorecard/standings.server.ts',
		code: '${COUNT_KEYS.map((k) => `sum(r.${COLUMN(k)})::int as "${k}"`)',
		reason: 'ROLLING_TEXT: one sum per counter column, named from the fixed COUNT_KEYS; values are $1, $2.',
	},
	{
		file: 'app/models/scorecard/standings.server.ts',
		code: 'runPrepared<RollingRow>(tx, ROLLING_TEXT',
		reason: 'ROLLING_TEXT is built once from the fixed COUNT_KEYS (above).',
	},
	{
		file: 'db/reset.ts',
		code: '`drop database if exists ${name} with (force)`',
		reason: 'DDL takes no parameters: the database name from DATABASE_URL, quoted as an identifier.',
	},
	{
		file: 'db/reset.ts',
		code: '`create database ${name}`',
		reason: 'DDL takes no parameters: the database name from DATABASE_URL, quoted as an identifier.',
	},
	{
		file: 'db/embedded.ts',
		code: '`create database "${database.replaceAll(\'"\', \'""\')}"`',
		reason: 'DDL takes no parameters: the configured database name, quoted as an identifier.',
	},
]

// Reads as a statement: a leading verb and the clause that goes with it.
const SQL_TEXT =
	/\b(select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset|delete\s+from|create\s+(database|table)|drop\s+(database|table))\b/i

/** Where statement text goes in as text: callee name → index of the text argument. */
const TEXT_SINKS: Record<string, number> = { unsafe: 0, runPrepared: 1, execute: 0 }

function isLiteral(node: ts.Node): boolean {
	return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
}

/** A tagged template (`sql\`…\``, postgres.js `tx\`…\``): values become parameters. */
function isTagged(node: ts.Node): boolean {
	return ts.isTaggedTemplateExpression(node)
}

/**
 * Text fixed when the module loads: a literal, or a template or concatenation of literals and
 * `const`s of this file that are themselves fixed (e.g. `const INSERT_TEXT = \`insert … $1\``,
 * or a `${LOOKBACK_DAYS}` number in it). Nothing a request sends can reach it.
 */
function isFixedText(
	node: ts.Node,
	constants: Map<string, ts.Expression>,
	seen = new Set<string>(),
): boolean {
	if (isLiteral(node) || ts.isNumericLiteral(node)) return true
	if (ts.isIdentifier(node)) {
		const value = constants.get(node.text)
		if (!value || seen.has(node.text)) return false
		return isFixedText(value, constants, new Set([...seen, node.text]))
	}
	if (ts.isTemplateExpression(node))
		return node.templateSpans.every((s) => isFixedText(s.expression, constants, seen))
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
		return isFixedText(node.left, constants, seen) && isFixedText(node.right, constants, seen)
	return false
}

function calleeName(call: ts.CallExpression): { name: string; receiver: string | null } | null {
	const callee = call.expression
	if (ts.isIdentifier(callee)) return { name: callee.text, receiver: null }
	if (ts.isPropertyAccessExpression(callee))
		return {
			name: callee.name.text,
			receiver: ts.isIdentifier(callee.expression) ? callee.expression.text : '',
		}
	return null
}

/** The static text of a template or concatenation, with every `${…}` left out. */
function staticText(node: ts.Node): string {
	if (ts.isTemplateExpression(node))
		return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
		return `${staticText(node.left)} ${staticText(node.right)}`
	if (isLiteral(node)) return (node as ts.StringLiteral).text
	return ''
}

function isStringConcatenation(node: ts.Node): boolean {
	return (
		ts.isBinaryExpression(node) &&
		node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
		[node.left, node.right].some((side) => isLiteral(side) || ts.isTemplateExpression(side))
	)
}

/** Every place in `source` where statement text is built from values. */
export function findUnparameterisedSql(file: string, source: string): Finding[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
	const constants = new Map<string, ts.Expression>()
	const collect = (node: ts.Node) => {
		if (
			ts.isVariableDeclarationList(node) &&
			node.flags & ts.NodeFlags.Const &&
			node.declarations.every((d) => ts.isIdentifier(d.name))
		)
			for (const d of node.declarations)
				if (d.initializer) constants.set((d.name as ts.Identifier).text, d.initializer)
		ts.forEachChild(node, collect)
	}
	collect(sf)

	const findings: Finding[] = []
	const report = (node: ts.Node, rule: string) =>
		findings.push({
			file,
			line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
			rule,
			code: node.getText(sf),
		})
	const visit = (node: ts.Node) => {
		if (ts.isCallExpression(node)) {
			const callee = calleeName(node)
			const arg0 = node.arguments[0]
			if (callee?.name === 'raw' && callee.receiver === 'sql' && arg0 && !isLiteral(arg0))
				report(node, 'sql.raw with built text')
			const sink = callee ? TEXT_SINKS[callee.name] : undefined
			const text = sink === undefined ? undefined : node.arguments[sink]
			if (
				callee &&
				text &&
				// drizzle's `.execute()` takes a built `sql` object: only text arguments are suspect.
				!(
					callee.name === 'execute' &&
					!isLiteral(text) &&
					!ts.isTemplateExpression(text) &&
					!isStringConcatenation(text)
				) &&
				!isLiteral(text) &&
				!isTagged(text) &&
				!isFixedText(text, constants)
			)
				report(node, `${callee.name}() with built statement text`)
		}
		if (
			ts.isTemplateExpression(node) &&
			!ts.isTaggedTemplateExpression(node.parent) &&
			!isFixedText(node, constants) &&
			SQL_TEXT.test(staticText(node))
		)
			report(node, 'SQL built in a template string')
		if (
			isStringConcatenation(node) &&
			!isStringConcatenation(node.parent) &&
			!isFixedText(node, constants) &&
			SQL_TEXT.test(staticText(node))
		)
			report(node, 'SQL built by concatenation')
		ts.forEachChild(node, visit)
	}
	visit(sf)
	return findings
}

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(ts|tsx|js|mjs)$/.test(e.name))
		.map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
		.filter((file) => !file.split(path.sep).includes('node_modules'))
		.sort()
}

function isAllowed(finding: Finding, entry: Allowed) {
	return finding.file === entry.file && finding.code.includes(entry.code)
}

describe('the scanner', () => {
	const findingsIn = (code: string) => findUnparameterisedSql('example.ts', code).map((f) => f.rule)

	test('flags statement text built from values, whichever way it is built', () => {
		expect(findingsIn('sql.raw(`where id = ${id}`)')).toContain('sql.raw with built text')
		expect(findingsIn("sql.raw('where id = ' + id)")).toContain('sql.raw with built text')
		expect(findingsIn('sql.raw(column)')).toContain('sql.raw with built text')
		expect(findingsIn('client.unsafe(`select * from users where email = ${email}`)')).toContain(
			'unsafe() with built statement text',
		)
		expect(findingsIn('client.unsafe(query, [])')).toContain('unsafe() with built statement text')
		expect(findingsIn('runPrepared(db, text, [])')).toContain('runPrepared() with built statement text')
		expect(findingsIn("db.execute('delete from users where id = ' + id)")).toContain(
			'execute() with built statement text',
		)
		expect(findingsIn('const q = `update orders set status = ${s} where id = ${id}`')).toEqual([
			'SQL built in a template string',
		])
		expect(findingsIn("const q = 'select name from suppliers where id = ' + id")).toEqual([
			'SQL built by concatenation',
		])
	})

	test('lets parameterised SQL and ordinary strings through', () => {
		expect(findingsIn('db.execute(sql`select * from users where email = ${email}`)')).toEqual([])
		expect(findingsIn('tx`select * from users where id = ${id}`')).toEqual([])
		expect(findingsIn("sql.raw('now()')")).toEqual([])
		expect(findingsIn('db.execute(query)')).toEqual([])
		expect(findingsIn("client.unsafe('select 1', [])")).toEqual([])
		expect(findingsIn('const TEXT = `select a from b where c = $1`\nrunPrepared(db, TEXT, [c])')).toEqual([])
		expect(findingsIn('const DAYS = 180\nconst T = `select a from b where d > now() - ${DAYS}`')).toEqual([])
		expect(findingsIn('const message = `Choose ${n} suppliers`')).toEqual([])
		expect(findingsIn('// sql.raw(`x ${y}`) in a comment')).toEqual([])
		expect(findingsIn("const s = 'select a from b where c = ${c}'")).toEqual([])
	})
})

describe('app/ and db/', () => {
	const files = SCANNED.flatMap(sourceFiles)
	const findings = files.flatMap((file) =>
		findUnparameterisedSql(file, readFileSync(path.join(ROOT, file), 'utf8')),
	)

	test('scans the code that talks to the database', () => {
		expect(files).toContain('app/utils/prepared-statements.server.ts')
		expect(files).toContain('db/client.ts')
		expect(files.length).toBeGreaterThan(100)
	})

	test('build no SQL from values, except where ALLOWED says why', () => {
		const unexplained = findings
			.filter((f) => !ALLOWED.some((entry) => isAllowed(f, entry)))
			.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.code.split('\n')[0]}`)
		expect(unexplained).toEqual([])
	})

	test('every ALLOWED entry still names a place in the code', () => {
		const stale = ALLOWED.filter((entry) => !findings.some((f) => isAllowed(f, entry)))
		expect(stale.map((e) => `${e.file}: ${e.code}`)).toEqual([])
	})
})
