"""JS and TS imports that live inside function bodies (`require`, dynamic `import()`), found by
running hr on real outputs beyond the corpus: each test holds a small real excerpt that lost an
import line before the fix."""

from __future__ import annotations

from hr.code.compressor import skeletonize

# npm 11 lib/npm.js (class Npm): CommonJS requires inside method bodies.
NPM_JS = """\
const { resolve, dirname, join } = require('node:path')
const pkg = require('../package.json')
const { deref } = require('./utils/cmd-list.js')

class Npm {
  static get version () {
    return pkg.version
  }

  static cmd (c) {
    const command = deref(c)
    if (!command) {
      throw Object.assign(new Error(`Unknown command ${c}`), {
        code: 'EUNKNOWNCOMMAND',
        command: c,
      })
    }
    return require(`./commands/${command}`)
  }

  async #handleError (err) {
    if (err) {
      // Get the local package if it exists for a more helpful error message
      const localPkg = await require('@npmcli/package-json')
        .normalize(this.localPrefix)
        .then(p => p.content)
        .catch(() => null)
      Object.assign(err, this.#getError(err, { pkg: localPkg }))
    }

    this.finish(err)

    if (err) {
      throw err
    }
  }

  #getError (rawErr, opts) {
    const { files = [], ...error } = require('./utils/error-message.js').getError(rawErr, {
      npm: this,
      command: this.#command,
      ...opts,
    })

    const { writeFileSync } = require('node:fs')
    for (const [file, content] of files) {
      const filePath = `${this.logPath}${file}`
      const fileContent = `'Log files:\\n${this.logFiles.join('\\n')}\\n\\n${content.trim()}\\n`
      try {
        writeFileSync(filePath, fileContent)
        output.standard(`\\n\\nFor a full report see:\\n${filePath}`)
      } catch (fileErr) {
        log.warn('', `Could not write error message to ${file} due to ${fileErr}`)
      }
    }

    outputError(error)

    return error
  }
}

module.exports = Npm
"""


def test_js_requires_inside_bodies_stay_like_imports():
    out, spans = skeletonize(NPM_JS.encode(), "h", None, "lib/npm.js")
    text = out.decode()
    assert spans, text  # bodies were elided
    for line in (
        "    return require(`./commands/${command}`)",
        "      const localPkg = await require('@npmcli/package-json')",
        "    const { files = [], ...error } = require('./utils/error-message.js').getError(rawErr, {",
        "    const { writeFileSync } = require('node:fs')",
        "  #getError (rawErr, opts) {",
    ):
        assert line in text.splitlines(), f"{line!r} lost:\n{text}"
    assert "log.warn(" not in text  # the rest of the body still goes


def test_js_dynamic_import_inside_a_body_stays():
    code = NPM_JS.replace("await require('@npmcli/package-json')", "await import('@npmcli/package-json')")
    text = skeletonize(code.encode(), "h", None, "lib/npm.js")[0].decode()
    assert "      const localPkg = await import('@npmcli/package-json')" in text.splitlines(), text
