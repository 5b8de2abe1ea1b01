import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * No user-facing English sentence outside the catalogues (src/shared/i18n): JSX text, the text props of
 * elements and menu items, and the arguments of FactdeskError, dialogs and notices in the desk, the
 * Electron shell and the review service must come from a catalogue. Technical strings (ids, CSS, keys,
 * MIME types, one-word brand or format names) are not sentences and pass.
 */
const ROOT = join(__dirname, '..')
const SCANNED = ['src/renderer/src', 'src/main', 'src/core']
/** Props and fields whose text a reader sees. */
const TEXT_PROPS = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
  'message',
  'detail',
  'buttonLabel',
  'text',
])
/** Calls whose string arguments a reader sees. */
const TEXT_CALLS = new Set([
  'FactdeskError',
  'showErrorBox',
  'showMessageBox',
  'setNotice',
  'setError',
  'alert',
  'confirm',
])

/** Two Latin words in a row: a phrase a reader would read, rather than an id or a name. */
const SENTENCE = /[A-Za-z]{2,}[’']?[a-z]*[,;:]?\s+[A-Za-z]{2,}/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function textOf(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
  return null
}

/** The texts in an expression a reader sees: literals, also inside `a ? 'x' : 'y'`, `a || 'x'` and templates. */
function textsIn(node: ts.Node): [ts.Node, string][] {
  const own = textOf(node)
  if (own !== null) return [[node, own]]
  if (ts.isConditionalExpression(node)) return [...textsIn(node.whenTrue), ...textsIn(node.whenFalse)]
  if (ts.isBinaryExpression(node)) return [...textsIn(node.left), ...textsIn(node.right)]
  if (ts.isParenthesizedExpression(node)) return textsIn(node.expression)
  return []
}

/** Every English phrase a reader would see in `source`, as "file:line: text". */
export function englishPhrases(path: string, source: string): string[] {
  const file = ts.createSourceFile(
    path,
    source,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const found: string[] = []
  const inDesk = relative(ROOT, path).startsWith('src/renderer')
  const report = (node: ts.Node, text: string) => {
    if (!SENTENCE.test(text)) return
    const { line } = file.getLineAndCharacterOfPosition(node.getStart())
    found.push(`${relative(ROOT, path)}:${line + 1}: ${text.trim().slice(0, 80)}`)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text)
    else if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(file)) && node.initializer) {
      const init =
        ts.isJsxExpression(node.initializer) && node.initializer.expression
          ? node.initializer.expression
          : node.initializer
      for (const [n, text] of textsIn(init)) report(n, text)
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const [n, text] of textsIn(node.expression)) report(n, text)
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPS.has(node.name.getText(file).replace(/['"]/g, ''))) {
      for (const [n, text] of textsIn(node.initializer)) report(n, text)
    } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      const callee = node.expression.getText(file).split('.').pop() ?? ''
      // In the desk an Error's message reaches the notice bar; in the service it is an internal detail.
      if (TEXT_CALLS.has(callee) || (callee === 'Error' && inDesk)) {
        for (const arg of node.arguments) for (const [n, text] of textsIn(arg)) report(n, text)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('user-facing text', () => {
  it('finds English phrases where the check looks (so a pass means something)', () => {
    const desk = join(ROOT, 'src/renderer/src/sample.tsx')
    expect(englishPhrases(desk, "reject(new Error('Could not read it.'))")).toHaveLength(1)
    expect(englishPhrases(join(ROOT, 'src/core/sample.ts'), "throw new Error('No handler for this')")).toEqual([])
    const sample = `
      const a = <p title="Save the review">Mark the claim</p>
      throw new FactdeskError('internal', 'The import stopped here')
      const item = { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/' }
      const also = <p title={busy ? t.wait : 'Not yet saved'}>{ok ? t.ok : 'Try it again'}</p>
      const fine = <p className="claim-card" aria-label={t.close}>{t.save} PDF</p>
    `
    expect(englishPhrases(join(ROOT, 'sample.tsx'), sample).map((f) => f.replace(/^.*?: /, ''))).toEqual([
      'Save the review',
      'Mark the claim',
      'The import stopped here',
      'Keyboard Shortcuts',
      'Not yet saved',
      'Try it again',
    ])
  })

  it('is never an English sentence outside the catalogues (src/shared/i18n)', () => {
    const found = SCANNED.flatMap((dir) => files(join(ROOT, dir))).flatMap((path) =>
      englishPhrases(path, readFileSync(path, 'utf8')),
    )
    expect(found).toEqual([])
  })
})
