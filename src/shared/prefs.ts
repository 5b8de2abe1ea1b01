import { z } from 'zod'
import { langs, LIMITS } from './domain'

/** Essay font size, in CSS pixels (the essay's `--essay-size`). */
export const ESSAY_FONT_SIZE = { min: 12, max: 32, default: 18 } as const
export const essayFontSizeSchema = z.number().int().min(ESSAY_FONT_SIZE.min).max(ESSAY_FONT_SIZE.max)
/** The sizes the Preferences dialog offers. */
export const ESSAY_FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32] as const

/**
 * The verdict scale a new review starts with, by id. SNU팩트체크's six levels are the default; the list
 * of scales comes from the verdict-scale module when there is more than one.
 */
export const DEFAULT_SCALE_ID = 'snu'
export const scaleIdSchema = z.string().trim().min(1).max(100)

/** Width of the Claims panel in CSS pixels, as the reviewer last dragged it (absent: the layout's default). */
export const PANEL_WIDTH = { min: 280, max: 1600 } as const
export const panelWidthSchema = z.number().int().min(PANEL_WIDTH.min).max(PANEL_WIDTH.max)
/** A reviewer name: never blank (every change is signed with it). */
export const reviewerNameSchema = z.string().trim().min(1).max(LIMITS.reviewerName)

/**
 * What a reviewer may set, checked the same way wherever it comes from: the prefs-set call, the prefs
 * store itself, and each field of a prefs file read back from disk.
 */
export const prefsPatchSchema = z
  .object({
    reviewerName: reviewerNameSchema,
    lang: z.enum(langs),
    essayFontSize: essayFontSizeSchema,
    defaultScale: scaleIdSchema,
    panelWidth: panelWidthSchema,
  })
  .partial()
  .strict()
