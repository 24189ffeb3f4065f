// The fields a form schema reads, found by walking the zod schema itself (zod 4's `_zod.def`), so a
// fuzz can name what an action really validates instead of guessing. A discriminated union at the
// top is one form per intent; nested objects, arrays and records become dotted paths.
import { type z } from 'zod'

/** A path segment standing for an array index (`rows.#.x` is posted as `rows.0.x`). */
export const INDEX = '#'
/** A path segment standing for a record key (`weightsByClassKey.*.response`). */
export const KEY = '*'

/** What the schema says about one leaf value: enough to make values it accepts, and values at its edges. */
export type Leaf = {
	/** Literal values (an intent) and enum options. */
	options: string[]
	/** String formats: uuid, email, date… */
	formats: string[]
	/** Primitive types met on the way: string, number, boolean, date… */
	types: string[]
	minLength?: number
	maxLength?: number
}

export type FieldSpec = {
	path: string[]
	leaf: Leaf
	/** An array of leaves: posted as the same name repeated (checkboxes, multi-selects). */
	repeated: boolean
}

/** One form a schema accepts: the `intent` literal when a discriminated union chose it, and its fields. */
export type FormVariant = { intent: string | null; fields: FieldSpec[] }

type Def = { type: string } & Record<string, unknown>
type Schema = z.ZodType

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'])

function defOf(schema: unknown): Def {
	return (schema as { _zod: { def: Def } })._zod.def
}

/** The schema's structure without wrappers and transforms: object, array, record, or leaf. */
function structureOf(schema: Schema): 'object' | 'array' | 'record' | 'leaf' {
	const def = defOf(schema)
	if (WRAPPERS.has(def.type)) return structureOf(def.innerType as Schema)
	if (def.type === 'lazy') return structureOf((def.getter as () => Schema)())
	if (def.type === 'object' || def.type === 'intersection') return 'object'
	if (def.type === 'array' || def.type === 'record') return def.type
	if (def.type === 'union') {
		const kinds = new Set((def.options as Schema[]).map(structureOf))
		return kinds.size === 1 && !kinds.has('leaf') ? [...kinds][0]! : 'leaf'
	}
	if (def.type === 'pipe') {
		const [input, output] = [def.in as Schema, def.out as Schema]
		const inner = structureOf(input)
		return inner !== 'leaf' ? inner : defOf(input).type === 'transform' ? structureOf(output) : 'leaf'
	}
	return 'leaf'
}

/** Everything the leaf's schema tree says about its values. */
function leafOf(schema: Schema, leaf: Leaf = { options: [], formats: [], types: [] }): Leaf {
	const def = defOf(schema)
	const children: unknown[] = []
	if (WRAPPERS.has(def.type)) children.push(def.innerType)
	else if (def.type === 'lazy') children.push((def.getter as () => Schema)())
	else if (def.type === 'pipe') children.push(def.in, def.out)
	else if (def.type === 'union') children.push(...(def.options as Schema[]))
	else if (def.type === 'array') children.push(def.element)
	else if (def.type === 'literal') leaf.options.push(...(def.values as unknown[]).map(String))
	else if (def.type === 'enum') leaf.options.push(...Object.values(def.entries as object).map(String))
	else if (def.type !== 'transform') leaf.types.push(def.type)
	if (typeof def.format === 'string') leaf.formats.push(def.format)
	for (const check of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
		const c = check._zod.def
		if (c.check === 'max_length') leaf.maxLength = Math.min(leaf.maxLength ?? Infinity, c.maximum as number)
		if (c.check === 'min_length') leaf.minLength = Math.max(leaf.minLength ?? 0, c.minimum as number)
	}
	for (const child of children) leafOf(child as Schema, leaf)
	return leaf
}

/** Every field under `schema` at `path`, all variants of nested unions together. */
function fieldsOf(schema: Schema, path: string[]): FieldSpec[] {
	return variantsOf(schema, path).flat()
}

function variantsOf(schema: Schema, path: string[]): FieldSpec[][] {
	const def = defOf(schema)
	if (WRAPPERS.has(def.type)) return variantsOf(def.innerType as Schema, path)
	if (def.type === 'lazy') return variantsOf((def.getter as () => Schema)(), path)
	if (structureOf(schema) === 'leaf') return [[{ path, leaf: leafOf(schema), repeated: false }]]
	switch (def.type) {
		case 'object':
			return [
				Object.entries(def.shape as Record<string, Schema>).flatMap(([key, child]) =>
					fieldsOf(child, [...path, key]),
				),
			]
		case 'union':
			return (def.options as Schema[]).flatMap((option) => variantsOf(option, path))
		case 'intersection': {
			const right = variantsOf(def.right as Schema, path)
			return variantsOf(def.left as Schema, path).flatMap((l) => right.map((r) => [...l, ...r]))
		}
		case 'pipe': {
			const input = def.in as Schema
			const structured = structureOf(input) !== 'leaf' ? input : (def.out as Schema)
			return variantsOf(structured, path)
		}
		case 'array': {
			const element = def.element as Schema
			if (structureOf(element) === 'leaf') return [[{ path, leaf: leafOf(element), repeated: true }]]
			return [fieldsOf(element, [...path, INDEX])]
		}
		case 'record':
			return [fieldsOf(def.valueType as Schema, [...path, KEY])]
		default:
			throw new Error(`schema-fields: no rule for a structured ${def.type} at ${path.join('.')}`)
	}
}

/** The forms a schema accepts: one per option of a top-level (discriminated) union, else one. */
export function formVariants(schema: Schema): FormVariant[] {
	return variantsOf(schema, []).map((fields) => {
		const intent = fields.find((f) => f.path.join('.') === 'intent')?.leaf.options
		return { intent: intent?.length === 1 ? intent[0]! : null, fields }
	})
}
