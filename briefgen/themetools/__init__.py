"""Tools for theme authors, beside the build: `briefgen template check` (check.py), `template new`
(scaffold.py), the sample briefs a theme is checked against (samples/) and the generated reference
of the template context (context_doc.py).

A build never imports this package; it uses `briefgen.render`, which never imports this one back.
"""
