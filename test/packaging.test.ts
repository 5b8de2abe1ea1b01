import Ajv from 'ajv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewPathFromArgv } from '../src/main/openFile'
import { ROOT } from './helpers/essay'

/**
 * Installers cannot be built on a machine without the Electron binary, so what can be checked here is:
 * the electron-builder configuration against electron-builder's own JSON schema, the fuses it flips,
 * and that the Electron in use is a supported major.
 */
const json = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>
const config = json('electron-builder.json')

describe('packaging', () => {
  it('the electron-builder configuration validates against electron-builder’s schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(json('node_modules/app-builder-lib/scheme.json'))
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false)
  })

  it('flips the fuses: no running as Node, no NODE_OPTIONS or inspect arguments, encrypted cookies, the app only from a checked ASAR', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds AppImage and deb, dmg and nsis, ships the essays and opens .factdesk files', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb'])
    expect((config.mac as { target: string[] }).target).toEqual(['dmg'])
    expect((config.win as { target: string[] }).target).toEqual(['nsis'])
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources/essays', to: 'essays' }))
    expect(config.fileAssociations).toContainEqual(expect.objectContaining({ ext: 'factdesk' }))
    // The native module cannot load from inside the archive.
    expect(config.asarUnpack).toContainEqual(expect.stringContaining('better-sqlite3'))
  })

  it('uses a supported Electron (one of the latest three majors when this was written: 43 or newer)', () => {
    const installed = json('node_modules/electron/package.json').version as string
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(43)
    const wanted = (json('package.json').devDependencies as Record<string, string>).electron
    expect(Number(/\d+/.exec(wanted)?.[0])).toBeGreaterThanOrEqual(43)
  })

  it('hands a double-clicked review file to the app, skipping flags and the app path', () => {
    expect(reviewPathFromArgv(['/opt/Factdesk/factdesk', '--lang=ko', 'reviews/a.factdesk'], '/home/kim')).toBe(
      '/home/kim/reviews/a.factdesk',
    )
    expect(reviewPathFromArgv(['electron', '.', '--user-data-dir', '/tmp/x'], '/w')).toBeUndefined()
    expect(reviewPathFromArgv(['Factdesk.exe', 'C:/검토/초안.FACTDESK'], 'C:/')).toMatch(/초안\.FACTDESK$/)
  })
})
