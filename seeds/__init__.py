"""The bundled articles a new database starts with: installed as package data (`tui.seeds`)."""
