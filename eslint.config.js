// Lint rules: neostandard style, type-aware TypeScript checks, and the import direction
// (modules reach core only through core/index.ts; core never imports modules or site config).
import neostandard from 'neostandard'
import tseslint from 'typescript-eslint'

const typed = {
  files: ['**/*.ts'],
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
  },
  plugins: { '@typescript-eslint': tseslint.plugin },
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
    '@typescript-eslint/consistent-type-imports': 'error',
    '@typescript-eslint/switch-exhaustiveness-check': 'error',
    '@typescript-eslint/no-explicit-any': 'error',
    // `void promise` marks a deliberately unawaited promise (no-floating-promises).
    'no-void': ['error', { allowAsStatement: true }]
  }
}

export default [
  { ignores: ['node_modules/**', 'data/**', '.tap/**', 'coverage/**', 'dist/**', 'dist.*/**'] },
  ...neostandard({ ts: true }),
  typed,
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+modules(/|$)', message: 'core never imports a module' },
          { regex: '^(\\.\\./)+(config(/|$)|cms\\.config)', message: 'core never imports the site configuration' }
        ]
      }]
    }
  },
  {
    files: ['modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            regex: '^(\\.\\./)+core/(?!index\\.js$).+',
            message: 'modules import core only through core/index.js'
          }
        ]
      }]
    }
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' }
  }
]
