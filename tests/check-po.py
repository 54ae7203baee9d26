#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks of the translations in po/ (the 'po' test suite, see tests/meson.build).
#
#   check-po.py catalog SOURCE_ROOT LANG
#       msgfmt --check --check-format on po/LANG.po; the catalog is complete
#       (no untranslated or fuzzy message, read from msgfmt --statistics);
#       the Plural-Forms header is the one po/README.md gives for LANG;
#       mnemonics: a msgstr has exactly one mnemonic when its msgid has one,
#       and the items of each menu in the .ui files keep distinct mnemonics.
#   check-po.py linguas SOURCE_ROOT
#       po/LINGUAS and the po/*.po files name the same languages.
#   check-po.py fresh SOURCE_ROOT
#       Extracts a template from the sources now (as "meson compile
#       equity-planner-pot" does, into a temporary folder) and reports the
#       messages some catalog lacks. Exits 77 (skipped, with the list) rather
#       than failing, so that a branch adding strings is not blocked before
#       the translators catch up; merge and update the catalogs (po/README.md).
#   check-po.py load SOURCE_ROOT LOCALEDIR EQPLAN LANG LOCALE
#       Runs "eqplan --help" and "eqplan validate" on the demo district with
#       LANGUAGE=LANG, LC_ALL=LOCALE and EP_LOCALEDIR=LOCALEDIR (the build's
#       po folder) and checks that the output is the catalog's translation,
#       plural form included (Python's gettext picks the expected form).
import gettext
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PACKAGE = 'equity-planner'

# The Plural-Forms each catalog must carry (also listed in po/README.md).
PLURAL_FORMS = {
    'ar': 'nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;',
    'es': 'nplurals=2; plural=(n != 1);',
    'ht': 'nplurals=2; plural=(n != 1);',
    'pt': 'nplurals=2; plural=(n > 1);',
    'so': 'nplurals=2; plural=(n != 1);',
    'vi': 'nplurals=1; plural=0;',
    'zh_CN': 'nplurals=1; plural=0;',
}

# Arguments of meson's i18n.gettext(preset: 'glib') for xgettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

problems = []


def fail(msg):
    problems.append(msg)


# A small reader for the catalogs (msgctxt, msgid, msgid_plural, msgstr[n]).
def unquote(s):
    s = s.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


def read_po(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        blocks = re.split(r'\n\s*\n', f.read())
    for block in blocks:
        cur, field = {}, None
        for line in block.split('\n'):
            if line.startswith('#~'):
                cur = {}
                break
            if line.startswith('#,'):
                cur['flags'] = line[2:]
                continue
            if line.startswith('#') or not line.strip():
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                field = m.group(1)
                cur[field] = unquote(m.group(2))
            elif line.startswith('"') and field:
                cur[field] += unquote(line)
        if 'msgid' in cur:
            entries.append(cur)
    return entries


def linguas(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f for w in line.split('#')[0].split()]


MNEMONIC_IN_MSGID = re.compile(r'(?:^|(?<=\s))_(\w)')


def mnemonic(s):
    """The mnemonic letter of a label, or None; '__' is a literal underscore."""
    found = [m.group(1) for m in re.finditer(r'(?<!_)_(?!_)(\w)', s)]
    return found


def check_catalog(root, lang):
    path = os.path.join(root, 'po', lang + '.po')
    r = subprocess.run(['msgfmt', '--check', '--check-format', '--statistics', '-o', os.devnull, path],
                       capture_output=True, text=True)
    out = (r.stdout + r.stderr).strip()
    if r.returncode != 0:
        fail(f'{path}: msgfmt --check --check-format failed:\n{out}')
    stats = re.search(r'(\d+) translated messages?(?:, (\d+) fuzzy translations?)?(?:, (\d+) untranslated messages?)?\.', out)
    if not stats:
        fail(f'{path}: cannot read msgfmt --statistics: {out}')
    else:
        translated = int(stats.group(1))
        fuzzy = int(stats.group(2) or 0)
        untranslated = int(stats.group(3) or 0)
        print(f'{lang}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated')
        if fuzzy or untranslated or translated == 0:
            fail(f'{path}: not complete: {fuzzy} fuzzy and {untranslated} untranslated of '
                 f'{translated + fuzzy + untranslated} messages')

    entries = read_po(path)
    header = next((e for e in entries if e['msgid'] == ''), None)
    if header is None:
        fail(f'{path}: no header')
        return
    m = re.search(r'^Plural-Forms: (.*)$', header['msgstr'], re.M)
    want = PLURAL_FORMS.get(lang)
    if want is None:
        fail(f'{path}: add the Plural-Forms of {lang} to tests/check-po.py and po/README.md')
    elif not m or m.group(1).strip() != want:
        fail(f'{path}: Plural-Forms is “{m.group(1) if m else None}”, expected “{want}”')
    nplurals = int(re.search(r'nplurals=(\d+)', want or 'nplurals=1').group(1))

    by_id = {}
    for e in entries:
        if e['msgid'] == '':
            continue
        if 'fuzzy' in e.get('flags', ''):
            fail(f'{path}: fuzzy: {e["msgid"]!r}')
        key = (e.get('msgctxt'), e['msgid'])
        if 'msgid_plural' in e:
            forms = [e.get(f'msgstr[{i}]', '') for i in range(nplurals)]
            if any(not f for f in forms) or f'msgstr[{nplurals}]' in e:
                fail(f'{path}: {e["msgid"]!r} needs exactly {nplurals} filled plural forms')
            by_id[key] = forms[0]
            continue
        by_id[key] = e.get('msgstr', '')
        want_m = MNEMONIC_IN_MSGID.findall(e['msgid'])
        if len(want_m) == 1 and e.get('msgstr'):
            got = mnemonic(e['msgstr'])
            if len(got) != 1:
                fail(f'{path}: {e["msgid"]!r} has a mnemonic; the translation {e["msgstr"]!r} needs exactly one, not {len(got)}')

    # Mnemonics stay distinct among the items of one menu (.ui files).
    for ui in ui_files(root):
        for menu in ET.parse(ui).getroot().iter('menu'):
            labels = []
            for section in [menu] + list(menu.iter('section')):
                for item in list(section.findall('item')) + list(section.findall('submenu')):
                    for attr in item.findall('attribute'):
                        if attr.get('name') == 'label' and attr.get('translatable') == 'yes':
                            labels.append((attr.get('context'), attr.text))
            seen = {}
            for ctx, label in labels:
                tr = by_id.get((ctx, label)) or label
                letters = mnemonic(tr)
                if not letters:
                    continue
                letter = letters[0].lower()
                if letter in seen:
                    fail(f'{path}: in menu “{menu.get("id")}” of {os.path.relpath(ui, root)}, '
                         f'“{tr}” and “{seen[letter]}” share the mnemonic “{letter}”')
                seen[letter] = tr


def ui_files(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        names = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    return [os.path.join(root, n) for n in names if n.endswith('.ui')]


def check_linguas(root):
    listed = linguas(root)
    files = sorted(f[:-3] for f in os.listdir(os.path.join(root, 'po')) if f.endswith('.po'))
    for lang in listed:
        if lang not in files:
            fail(f'po/LINGUAS lists {lang}, but there is no po/{lang}.po')
    for lang in files:
        if lang not in listed:
            fail(f'po/{lang}.po is not listed in po/LINGUAS, so it is neither built nor installed')
    if len(set(listed)) != len(listed):
        fail('po/LINGUAS lists a language twice')


def check_fresh(root):
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, PACKAGE + '.pot')
        r = subprocess.run(['xgettext', '--package-name=' + PACKAGE, '-D', root,
                            '-f', os.path.join(root, 'po', 'POTFILES.in'), '-o', pot] + XGETTEXT_ARGS,
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f'xgettext failed:\n{r.stderr}')
            return 1
        lacking = {}
        for lang in linguas(root):
            r = subprocess.run(['msgcmp', os.path.join(root, 'po', lang + '.po'), pot],
                               capture_output=True, text=True)
            if r.returncode != 0:
                n = len(re.findall(r'this message is (?:used but not defined|untranslated)', r.stderr))
                lacking[lang] = (n, r.stderr.strip().splitlines()[:6])
        if lacking:
            print('The sources have messages some catalogs do not translate yet.')
            print('Update the template and catalogs as po/README.md says, then translate them:')
            for lang, (n, lines) in lacking.items():
                print(f'  {lang}: {n} message(s)')
                for line in lines:
                    print('    ' + line)
            return 77
    return 0


def check_load(root, localedir, eqplan, lang, loc):
    env = dict(os.environ)
    env.update({'LANGUAGE': lang, 'LC_ALL': loc, 'EP_LOCALEDIR': localedir})
    env.pop('LANG', None)
    probe = subprocess.run(['locale'], env=env, capture_output=True, text=True)
    if 'Cannot set' in probe.stderr or 'cannot set' in probe.stderr:
        fail(f'the locale {loc} is not installed; build-aux/test generates it (EP_TEST_LOCALES in build-aux/common.sh)')
        return
    try:
        t = gettext.translation(PACKAGE, localedir=localedir, languages=[lang])
    except OSError as e:
        fail(f'no compiled catalog for {lang} in {localedir}: {e}')
        return

    expected = t.gettext('Exit status:')
    if expected == 'Exit status:':
        fail(f'{lang}: the catalog does not translate “Exit status:”')
    r = subprocess.run([eqplan, '--help'], env=env, capture_output=True, text=True)
    out = r.stdout + r.stderr
    if r.returncode != 0:
        fail(f'eqplan --help exited with {r.returncode}')
    if expected not in out:
        fail(f'{lang}: eqplan --help does not show “{expected}” (the catalog was not loaded?):\n{out}')
    if 'Exit status:' in out:
        fail(f'{lang}: eqplan --help still shows the English “Exit status:”')

    demo = os.path.join(root, 'data', 'demo', 'riverside.eqplan')
    r = subprocess.run([eqplan, 'validate', demo], env=env, capture_output=True, text=True)
    m = re.search(r'\((\d+)', subprocess.run([eqplan, 'validate', demo], capture_output=True, text=True,
                                             env={**env, 'LANGUAGE': '', 'LC_ALL': 'C'}).stdout)
    if r.returncode != 0 or not m:
        fail(f'eqplan validate {demo} failed: {r.stdout}{r.stderr}')
        return
    n = int(m.group(1))
    want = t.ngettext('%s: valid (%u school)\n', '%s: valid (%u schools)\n', n)
    want = re.sub(r'%(\d+\$)?u', str(n), re.sub(r'%(\d+\$)?s', lambda _: demo, want))
    if r.stdout != want:
        fail(f'{lang}: eqplan validate printed {r.stdout!r}, the catalog says {want!r} for n = {n}')
    print(f'{lang} ({loc}): {expected!r} and {r.stdout.strip()!r}')


def main(argv):
    if len(argv) < 3:
        print(__doc__ or 'see the comment at the top', file=sys.stderr)
        return 2
    mode, root = argv[1], argv[2]
    status = 0
    if mode == 'catalog':
        check_catalog(root, argv[3])
    elif mode == 'linguas':
        check_linguas(root)
    elif mode == 'fresh':
        status = check_fresh(root)
    elif mode == 'load':
        check_load(root, *argv[3:7])
    else:
        print(f'unknown mode {mode}', file=sys.stderr)
        return 2
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
