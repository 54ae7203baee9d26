#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a user-visible string is not marked for translation, or a file
# with marked strings is missing from po/POTFILES.in.
#
# - .ui files: every label, title, tooltip, placeholder, text, accessible
#   label/description property and <attribute name="label"> in a menu must
#   carry translatable="yes" (or be empty, or be a single symbol).
# - C files: string literals passed straight to the GTK/GLib calls that put
#   text in front of people must be wrapped in _(), C_(), N_() or ngettext.
#
# Usage: check-translatable.py SOURCE_ROOT
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else '.'
problems = []

UI_PROPERTIES = {
    'label', 'title', 'tooltip-text', 'tooltip-markup', 'placeholder-text',
    'text', 'secondary-text', 'subtitle', 'description', 'comments',
    'program-name', 'accelerator-label',
}

# Words that need no translation: symbols, numbers, markup-only strings.
def is_symbolic(text):
    return text is None or not re.search(r'[A-Za-z]{2,}', text)


def check_ui(path):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        problems.append(f'{path}: cannot parse: {e}')
        return
    for el in tree.iter():
        name = el.get('name')
        if el.tag in ('property', 'attribute') and name in UI_PROPERTIES:
            if el.get('translatable') != 'yes' and not is_symbolic(el.text):
                problems.append(f'{path}: <{el.tag} name="{name}"> “{el.text.strip()}” is not translatable="yes"')
        if el.tag == 'item' and el.get('translatable') is None and el.text and not is_symbolic(el.text):
            # GtkStringList items
            problems.append(f'{path}: <item> “{el.text.strip()}” is not translatable="yes"')


# C calls whose string-literal argument is shown to people.
C_CALLS = [
    'gtk_label_set_text', 'gtk_label_set_label', 'gtk_label_set_markup',
    'gtk_button_set_label', 'gtk_window_set_title', 'gtk_widget_set_tooltip_text',
    'gtk_widget_set_tooltip_markup', 'gtk_entry_set_placeholder_text',
    'gtk_label_new', 'gtk_button_new_with_label', 'gtk_button_new_with_mnemonic',
    'gtk_check_button_new_with_label', 'gtk_check_button_new_with_mnemonic',
    'gtk_label_new_with_mnemonic', 'gtk_message_dialog_format_secondary_text',
    'gtk_file_filter_set_name', 'gtk_stack_add_titled', 'gtk_column_view_column_new',
    'g_menu_append', 'g_menu_item_new', 'g_notification_new',
    'gtk_file_chooser_native_new', 'gtk_print_operation_set_job_name',
    'gtk_frame_new', 'gtk_expander_new', 'gtk_text_buffer_set_text',
]
LITERAL_ARG = re.compile(r'\b(' + '|'.join(C_CALLS) + r')\s*\(([^;]*?)\)\s*;', re.S)
MARKED = re.compile(r'\b(_|C_|N_|NC_|ngettext|g_dgettext|g_dpgettext2|gettext|dgettext)\s*\(')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


# Calls whose later arguments are identifiers, not text (action names).
FIRST_ARG_ONLY = {'g_menu_append', 'g_menu_item_new', 'g_menu_insert'}


def first_argument(args):
    depth = 0
    for i, ch in enumerate(args):
        if ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
        elif ch == ',' and depth == 0:
            return args[:i]
    return args


def check_c(path, text):
    for m in LITERAL_ARG.finditer(text):
        args = m.group(2)
        if m.group(1) in FIRST_ARG_ONLY:
            args = first_argument(args)
        stripped = MARKED.sub('', args)
        # Literals inside a marking call were removed with their call name;
        # look for literals not preceded by a marking call.
        for s in STRING.finditer(args):
            before = args[:s.start()]
            if re.search(r'\b(_|C_|N_|NC_|ngettext|gettext)\s*\(\s*$', before) or \
               re.search(r'\b(C_|NC_)\s*\(\s*"[^"]*"\s*,\s*$', before) or \
               re.search(r'\bngettext\s*\([^()]*$', before):
                continue
            if is_symbolic(s.group(1)):
                continue
            line = text.count('\n', 0, m.start()) + 1
            problems.append(f'{path}:{line}: {m.group(1)} is given the literal “{s.group(1)}” without _()')


def has_marked_strings(text):
    return MARKED.search(text) is not None and re.search(r'\b(_|C_|N_|ngettext)\s*\(\s*"', text)


potfiles = set()
with open(os.path.join(root, 'po', 'POTFILES.in')) as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            potfiles.add(line)
            if not os.path.exists(os.path.join(root, line)):
                problems.append(f'po/POTFILES.in: {line} does not exist')

for folder in ('app', 'widgets', 'models', 'resources'):
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith('.ui'):
                check_ui(path)
                with open(path, encoding='utf-8') as f:
                    if 'translatable="yes"' in f.read() and rel not in potfiles:
                        problems.append(f'{rel} has translatable strings but is not in po/POTFILES.in')
            elif name.endswith('.c'):
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                check_c(rel, text)
                if has_marked_strings(text) and rel not in potfiles:
                    problems.append(f'{rel} has strings marked for translation but is not in po/POTFILES.in')

for p in problems:
    print(p)
print(f'{len(problems)} untranslated or unlisted strings')
sys.exit(1 if problems else 0)
