import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { forwardRef, useImperativeHandle, type ReactNode } from 'react'
import { $createRangeSelectionFromDom, $setSelection } from 'lexical'
import type { DeskClaim } from '../../../shared/deskClaim'
import type { Block } from '../../../shared/essay'
import type { Anchor } from '../../../shared/text'
import { useI18n } from '../i18n'
import { $anchorFromSelection, $selectionOfRange } from './claimMarks'
import { CORRECTION_TAG, DocumentSyncPlugin, MARKS_TAG, type EssayEdit } from './DocumentSyncPlugin'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { essayNodes } from './essayState'
import { essayIndexOf } from './essayIndex'
import { ClaimMarksPlugin } from './ClaimMarksPlugin'
import { EssayContentPlugin } from './EssayContentPlugin'
import { EditablePlugin } from './EditablePlugin'
import { ReviewSelectionPlugin } from './ReviewSelectionPlugin'
import { LONG_ESSAY_BLOCKS } from './SectionNode'

const theme = {
  heading: { h1: 'essay-title', h2: 'essay-heading' },
  paragraph: 'essay-paragraph',
  list: {
    ol: 'essay-functions',
    ul: 'essay-explanations',
    listitem: 'essay-item',
    nested: { listitem: 'essay-nested' },
  },
  mark: 'claim-mark',
  markOverlap: 'claim-mark-overlap',
  text: { bold: 'essay-bold' },
}

export interface EssayEditorHandle {
  /** Both selectors of the text selected in the essay, or null when nothing is selected there. */
  selectedAnchor(): Anchor | null
  /** Replaces the text at [start, end) (code points) as one undoable edit, reported as a correction. */
  replaceRange(start: number, end: number, text: string): boolean
  /** Drops the essay's selection (Lexical would otherwise draw it again with the new highlight). */
  clearSelection(): void
}

interface Props {
  blocks: Block[]
  claims: DeskClaim[]
  activeId: string | null
  onSelectClaim: (id: string) => void
  onContextMenu: (x: number, y: number) => void
  onEdit: (edit: EssayEdit) => void
  /** Edit mode: the essay takes typing. Otherwise (review mode) it is read-only. */
  editable: boolean
  onLeaveEdit: () => void
  /** The essay's own language (BCP 47), whatever the interface's: screen readers and hyphenation read it so. */
  lang?: string
}

export const EssayEditor = forwardRef<EssayEditorHandle, Props>(function EssayEditor(props, ref) {
  const { t } = useI18n()
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'factdesk-essay',
        nodes: [...essayNodes],
        theme,
        // Review mode first: nothing typed lands in the essay until Edit text is chosen.
        editable: false,
        onError: (error) => {
          throw error
        },
      }}
    >
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className={props.blocks.length > LONG_ESSAY_BLOCKS ? 'essay essay-long' : 'essay'}
            aria-label={t.essay}
            lang={props.lang}
            spellCheck={false}
            // Reachable with Tab in review mode too, where it is read-only (Lexical would make it -1).
            tabIndex={0}
            onContextMenu={(e) => {
              e.preventDefault()
              props.onContextMenu(e.clientX, e.clientY)
            }}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <EditablePlugin editable={props.editable} onLeave={props.onLeaveEdit} />
      <ReviewSelectionPlugin />
      <EssayContentPlugin blocks={props.blocks} claims={props.claims} />
      <DocumentSyncPlugin onEdit={props.onEdit} />
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
          return selection && $anchorFromSelection(selection, essayIndexOf(editor).index)
        })
      },
      clearSelection() {
        editor.update(() => $setSelection(null), { discrete: true, tag: MARKS_TAG })
        window.getSelection()?.removeAllRanges()
      },
      replaceRange(start, end, text) {
        let done = false
        editor.update(
          () => {
            const selection = $selectionOfRange(start, end, essayIndexOf(editor).index)
            if (!selection) return
            selection.insertText(text)
            done = true
          },
          { discrete: true, tag: CORRECTION_TAG },
        )
        return done
      },
    }),
    [editor],
  )
  return null
})
