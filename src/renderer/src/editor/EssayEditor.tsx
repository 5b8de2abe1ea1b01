import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { forwardRef, useImperativeHandle, type ReactNode } from 'react'
import { $createRangeSelectionFromDom } from 'lexical'
import type { Claim } from '../../../shared/domain'
import type { Block } from '../../../shared/essay'
import { describeRange, type Anchor } from '../../../shared/text'
import { useI18n } from '../i18n'
import { $rangeFromSelection } from './claimMarks'
import { essayNodes } from './essayState'
import { ClaimMarksPlugin } from './ClaimMarksPlugin'
import { EssayContentPlugin } from './EssayContentPlugin'

const theme = {
  heading: { h1: 'essay-title', h2: 'essay-heading' },
  paragraph: 'essay-paragraph',
  list: { ol: 'essay-functions', ul: 'essay-explanations', listitem: 'essay-item', nested: { listitem: 'essay-nested' } },
  mark: 'claim-mark',
  markOverlap: 'claim-mark-overlap',
  text: { bold: 'essay-bold' },
}

export interface EssayEditorHandle {
  /** Both selectors of the text selected in the essay, or null when nothing is selected there. */
  selectedAnchor(): Anchor | null
}

interface Props {
  blocks: Block[]
  claims: Claim[]
  activeId: string | null
  onSelectClaim: (id: string) => void
  onContextMenu: (x: number, y: number) => void
}

export const EssayEditor = forwardRef<EssayEditorHandle, Props>(function EssayEditor(props, ref) {
  const { t } = useI18n()
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'factdesk-essay',
        nodes: [...essayNodes],
        theme,
        editable: false,
        onError: (error) => {
          throw error
        },
      }}
    >
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="essay"
            aria-label={t.essay}
            aria-readonly
            onContextMenu={(e) => {
              e.preventDefault()
              props.onContextMenu(e.clientX, e.clientY)
            }}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <EssayContentPlugin blocks={props.blocks} />
      <ClaimMarksPlugin claims={props.claims} activeId={props.activeId} onSelectClaim={props.onSelectClaim} />
      <SelectionBridge ref={ref} />
    </LexicalComposer>
  )
})

const SelectionBridge = forwardRef<EssayEditorHandle, { children?: ReactNode }>(function SelectionBridge(_, ref) {
  const [editor] = useLexicalComposerContext()
  useImperativeHandle(
    ref,
    () => ({
      selectedAnchor() {
        const dom = window.getSelection()
        const root = editor.getRootElement()
        if (!dom || dom.isCollapsed || !root || !dom.anchorNode || !root.contains(dom.anchorNode)) return null
        return editor.read(() => {
          const selection = $createRangeSelectionFromDom(dom, editor)
          const range = selection && $rangeFromSelection(selection)
          return range ? describeRange(range.text, range.start, range.end) : null
        })
      },
    }),
    [editor],
  )
  return null
})
