"""The desktop app (PySide6). Nothing outside this package imports Qt.

    document.py     the network document as a Qt-signalling model (no widgets)
    commands.py     one small QUndoCommand per kind of edit
    editor.py       edits a user asks for, checked, turned into commands
    canvas/         the scene (subscribes to the document), node / edge / port items, the view
    palette.py, inspector/, summary_panel.py, problems_panel.py   the docks
    files.py, gallery.py, thumbnail.py                              open / save / recovery / presets
    main_window.py, app.py                                          the window and the entry point
"""
