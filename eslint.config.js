import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{ ignores: ['build/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-syntax': [
				'error',
				{ selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
				{ selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
			],
		},
	},
	{
		// Playwright fixtures call `use(...)`, which is not React's hook.
		files: ['tests/playwright-utils.ts', 'tests/e2e/**'],
		rules: { 'react-hooks/rules-of-hooks': 'off' },
	},
	{
		files: ['app/routes/audit+/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{ selector: "ExportNamedDeclaration > FunctionDeclaration[id.name='action']", message: 'The auditor portal is read-only: no actions under audit+/.' },
			],
		},
	},
)
