import { app } from './en/app'
import { desk } from './en/desk'
import { dialog } from './en/dialog'
import { errors } from './en/errors'
import { exportWords } from './en/exportWords'
import { history } from './en/history'
import { importNotes } from './en/importNotes'
import { menu } from './en/menu'
import { mode } from './en/mode'
import { republish } from './en/republish'
import { status } from './en/status'
import { textChanged } from './en/textChanged'
import { thread } from './en/thread'
import { undo } from './en/undo'
import { workflow } from './en/workflow'
import { share } from './en/share'
import { team } from './en/team'
import { word } from './en/word'

/** The English catalogue: its shape is the type every other language must fill (catalogue.ts). */
export const en = {
  app,
  desk,
  dialog,
  errors,
  exportWords,
  history,
  importNotes,
  menu,
  mode,
  republish,
  status,
  textChanged,
  thread,
  undo,
  workflow,
  share,
  team,
  word,
}
