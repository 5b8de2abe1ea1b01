import type { Catalogue } from './catalogue'
import { app } from './ko/app'
import { desk } from './ko/desk'
import { dialog } from './ko/dialog'
import { errors } from './ko/errors'
import { exportWords } from './ko/exportWords'
import { history } from './ko/history'
import { importNotes } from './ko/importNotes'
import { menu } from './ko/menu'
import { mode } from './ko/mode'
import { republish } from './ko/republish'
import { status } from './ko/status'
import { textChanged } from './ko/textChanged'
import { thread } from './ko/thread'
import { undo } from './ko/undo'
import { workflow } from './ko/workflow'
import { share } from './ko/share'
import { team } from './ko/team'
import { word } from './ko/word'

/** The Korean catalogue, section by section; each section is typed by the English one. */
export const ko: Catalogue = {
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
