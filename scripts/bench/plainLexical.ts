/**
 * The editor bench's reference page: the same essay in a bare Lexical rich-text editor, with the app's
 * nodes and stylesheet but no claims, no marks and no React — what opening the essay costs at least.
 * Bundled by esbuild for the browser; the blocks come in `window.__blocks`.
 */
import { registerRichText } from '@lexical/rich-text'
import { createEditor } from 'lexical'
import type { Block } from '../../src/shared/essay'
import { $buildEssay, essayNodes } from '../../src/renderer/src/editor/essayState'

declare global {
  interface Window {
    __blocks: Block[]
    __painted?: number
    /** Set for the keystroke reference: the same editor taking typing. */
    __editable?: boolean
  }
}

const theme = {
  heading: { h1: 'essay-title', h2: 'essay-heading' },
  paragraph: 'essay-paragraph',
  text: { bold: 'essay-bold' },
}

const editor = createEditor({
  namespace: 'bench',
  nodes: [...essayNodes],
  theme,
  onError: (e) => {
    throw e
  },
})
editor.setRootElement(document.getElementById('essay'))
registerRichText(editor)
editor.setEditable(window.__editable === true)
editor.update(() => $buildEssay(window.__blocks), { discrete: true })
// Painted: a frame after the text is in the page, then the task after that frame.
requestAnimationFrame(() => {
  const channel = new MessageChannel()
  channel.port1.onmessage = () => (window.__painted = performance.now())
  channel.port2.postMessage(null)
})
