"""Extraction for languages the English rules cannot read: Russian, Ukrainian, Arabic.

Each module here is a pure function of text (and the language's word tables in
`data/<lang>/`); heavy tools (pymorphy3) are loaded only when a text in that language
is read, so English extraction never pays for them.
"""
